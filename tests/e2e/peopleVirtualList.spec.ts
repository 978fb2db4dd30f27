import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { completeWizard, waitForOfflineReady } from './helpers';

/**
 * The participants' list is a virtual list on the page's scroll (issue 14): with many people only a window of rows
 * is in the DOM, yet the whole list is there to scroll, to Tab through, to search and to come back to.
 * The people come in through the app's own import (a CSV of 1,000 students), so they are stored as the app stores them.
 */
const TOTAL = 1000;
const LAST = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков',
  'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Яшин'];
const FIRST = ['Артём', 'Борис', 'Глеб', 'Денис', 'Егор', 'Илья', 'Кирилл', 'Максим', 'Олег', 'Ярослав'];
const MIDDLE = ['Андреевич', 'Борисович', 'Викторович', 'Олегович', 'Юрьевич'];

/** 20 × 10 × 5 distinct names, students of 1А…11Б; the last in the list by name is «Яшин Ярослав Юрьевич». */
function classList(): string {
  const rows = ['Фамилия, имя, отчество;Класс;Дата рождения'];
  let i = 0;
  for (const last of LAST)
    for (const first of FIRST)
      for (const middle of MIDDLE) {
        const grade = 1 + (i % 11);
        const day = String(1 + (i % 28)).padStart(2, '0');
        rows.push(`${last} ${first} ${middle};${grade}${i % 2 ? 'А' : 'Б'};${day}.0${1 + (i % 9)}.${2019 - grade}`);
        i++;
      }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

async function shot(page: Page, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`) });
}

const list = (page: Page) => page.getByRole('list', { name: 'Список участников' });
const rows = (page: Page) => list(page).getByRole('listitem');
const row = (page: Page, position: number) => list(page).locator(`li[aria-posinset="${position}"]`);

test('1,000 people: a window of rows in the DOM, scrolled to the end, Tab through rows, search, a card and «Назад»', async ({ page, context }) => {
  test.setTimeout(120_000);
  await completeWizard(page);
  await waitForOfflineReady(page);
  await page.goto('/people/import');
  await page.getByLabel('Файл списка (.xlsx или .csv)').setInputFiles({ name: 'школа.csv', mimeType: 'text/csv', buffer: Buffer.from(classList(), 'utf8') });
  await page.getByRole('button', { name: `Добавить ${TOTAL} участников` }).click({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/people$/, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('people-count')).toHaveText(`Всего: ${TOTAL} участников`);

  // Only a window: the screen's rows and the overscan, each knowing its place in the whole.
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);
  await expect(row(page, 1)).toContainText('Алексеев Артём Андреевич');
  await expect(row(page, 1)).toHaveAttribute('aria-setsize', String(TOTAL));
  await shot(page, 'people-list-top');

  // Scrolled to the middle, then to the very end: the last person is there, still only a window in the DOM.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(row(page, 1)).toHaveCount(0);
  await expect(rows(page).first()).toHaveAttribute('aria-posinset', /^[1-9]\d{2}$/);
  await shot(page, 'people-list-scrolled');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(row(page, TOTAL)).toContainText('Яшин Ярослав Юрьевич');
  await expect(row(page, TOTAL)).toBeInViewport();
  expect(await rows(page).count()).toBeLessThan(40);

  // Keyboard: from the first row, Tab moves row by row past the first screen; the rows come as the page scrolls.
  await page.evaluate(() => window.scrollTo(0, 0));
  await row(page, 1).getByRole('link').focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  await expect(row(page, 26).getByRole('link')).toBeFocused();
  await expect(row(page, 26)).toBeInViewport();
  await expect(row(page, 1)).toHaveCount(0);

  // Search narrows the list (the set size follows), the one found opens.
  const search = page.getByRole('searchbox');
  await search.fill('яшин ярослав');
  await expect(page.getByTestId('people-count')).toHaveText(`Найдено: 5 из ${TOTAL}`);
  await expect(rows(page)).toHaveCount(5);
  await expect(row(page, 1)).toHaveAttribute('aria-setsize', '5');
  await expect(page).toHaveURL(/\?q=/);
  await shot(page, 'people-list-searched');
  await row(page, 5).getByRole('link', { name: /Яшин Ярослав Юрьевич/ }).click();
  await expect(page.getByRole('heading', { name: 'Яшин Ярослав Юрьевич' })).toBeVisible();
  await page.goBack();
  await expect(search).toHaveValue('яшин ярослав');
  await expect(rows(page)).toHaveCount(5);

  // «Назад» to a scrolled list puts it back where it was.
  await search.fill('');
  await expect(page.getByTestId('people-count')).toHaveText(`Всего: ${TOTAL} участников`);
  await expect(page).toHaveURL(/\/people$/); // the address follows once typing pauses
  await page.evaluate(() => window.scrollTo(0, 20_000));
  await expect(rows(page).first()).toHaveAttribute('aria-posinset', /^[1-9]\d{2}$/);
  const target = rows(page).nth(10);
  const position = Number(await target.getAttribute('aria-posinset'));
  const name = (await target.locator('.list-title').textContent())!;
  const before = await page.evaluate(() => window.scrollY);
  await target.getByRole('link').click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.goBack();
  await expect(row(page, position)).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5);
  await context.setOffline(false);
});
