import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The first-run wizard, filled as a curator would. */
export async function completeWizard(page: Page, school = 'МКОУ СОШ № 2 с. п. Кахун') {
  await page.goto('/');
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByLabel('Название школы').fill(school);
  await page.getByLabel('Учебный год').fill('2025/2026');
  await page.getByLabel('Всего обучающихся в школе').fill('420');
  await page.getByLabel('Всего педагогов').fill('38');
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await expect(page).toHaveURL(/\/people$/);
}

/** Waits until the service worker controls the page, so that going offline afterwards is a real test. */
export async function waitForOfflineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

export async function addPerson(
  page: Page,
  p: { lastName: string; firstName: string; middleName?: string; category: string; classLabel?: string; birthDate?: string; roles?: string[] },
) {
  await page.goto('/people/new');
  await page.getByLabel('Фамилия').fill(p.lastName);
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill(p.firstName);
  if (p.middleName) await page.getByLabel('Отчество').fill(p.middleName);
  await page.getByLabel('Категория').selectOption({ label: p.category });
  if (p.classLabel) await page.getByLabel('Класс').fill(p.classLabel);
  if (p.birthDate) await page.getByLabel('Дата рождения').fill(p.birthDate);
  for (const r of p.roles ?? []) await page.getByRole('checkbox', { name: r }).check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
}

/** WCAG 2.1 A and AA rules of axe-core on the page as it is now; a violation names the rule and the elements. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

/**
 * Waits until the open form's draft, as stored in IndexedDB, holds `text` (drafts are written a moment after typing):
 * a reload after this finds it, without a fixed sleep.
 */
export async function waitForDraft(page: Page, text: string) {
  await expect
    .poll(
      () =>
        page.evaluate(
          (wanted) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('nastavnik');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const db = open.result;
                const all = db.transaction('drafts').objectStore('drafts').getAll();
                all.onsuccess = () => {
                  db.close();
                  resolve(JSON.stringify(all.result).includes(wanted));
                };
                all.onerror = () => resolve(false);
              };
            }),
          text,
        ),
      { message: `the draft holds «${text}»` },
    )
    .toBe(true);
}
