import { test, expect, type Page } from '@playwright/test';
import { accessibilityViolations as violations, addPerson, completeWizard, waitForOfflineReady } from './helpers';

const PAGES = [
  '/',
  '/people',
  '/people/new',
  '/people/import',
  '/partners/new',
  '/partners',
  '/mentorships',
  '/mentorships/new',
  '/consents',
  '/exchange',
  '/exchange/conflicts',
  '/networking',
  '/events',
  '/orders',
  '/orders/new',
  '/roadmap',
  '/roadmap/roadmap-2025-2026-01',
  '/training',
  '/materials',
  '/questionnaires',
  '/questionnaires/new',
  '/monitoring',
  '/monitoring/swot',
  '/report',
  '/recognitions',
  '/practices',
  '/more',
  '/settings',
];

test('every main screen passes the WCAG 2.1 AA checks of axe-core, offline, with data in it', async ({ page, context }) => {
  test.setTimeout(120_000);
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2013-04-02', roles: ['Наставляемый'] });
  const student = new URL(page.url()).pathname;
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  // The roadmap of the year is written when it is first opened
  await page.goto('/roadmap');
  await expect(page.getByText(/Выполнено 0 из/)).toBeVisible();
  const found: Record<string, string[]> = {};
  for (const url of [...PAGES, student, `${student}/edit`, `${student}/consent/new`, `${student}/consent/print`]) {
    await page.goto(url);
    await expect(page.locator('h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const v = await violations(page);
    if (v.length) found[url] = v;
  }
  expect(found).toEqual({});
});

/** Presses Tab until the focused element's label, name or text matches; fails if it never comes. */
async function tabTo(page: Page, name: RegExp, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return [el.getAttribute('aria-label'), labelled, el.textContent].filter(Boolean).join(' | ');
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('keyboard only: add a participant, then move between areas with the bottom bar', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('/people/new');
  await tabTo(page, /^Фамилия/);
  await page.keyboard.type('Орлова');
  await tabTo(page, /^Имя/);
  await page.keyboard.type('Дарья');
  await tabTo(page, /^Категория/);
  await page.keyboard.press('ArrowDown'); // a closed select steps through its options: Обучающийся, Педагог
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Категория')).toHaveValue('teacher');
  await tabTo(page, /Наставник/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Сохранить/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Орлова Дарья' })).toBeVisible();

  await tabTo(page, /^Пары/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mentorships$/);
  await expect(page.getByRole('heading', { name: 'Пары и группы' })).toBeVisible();
});
