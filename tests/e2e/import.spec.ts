import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { completeWizard, waitForOfflineReady } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function pickFile(page: Page, name: string) {
  await page.goto('/people/import');
  await expect(page.getByRole('heading', { name: /Импорт/ })).toBeVisible();
  await page.getByLabel('Файл списка (.xlsx или .csv)').setInputFiles(fixture(name));
  await expect(page.locator('tr[data-status]').first()).toBeVisible();
}

/**
 * A class list from Excel, offline: the reader (a lazily loaded chunk) must come from the precache. Each bad row is
 * shown with its reason and row number, nothing is written until «Добавить…», and after a reload with no network
 * everyone imported is found by search.
 */
test('import class lists (.csv in Windows-1251 and .xlsx) with a bad row each, offline, and find them after a reload', async ({
  page,
  context,
}) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  // 7Б: six rows, one with 31 February
  await pickFile(page, 'class-7b-cp1251.csv');
  await expect(page.locator('tr[data-status="ok"]')).toHaveCount(5);
  const badCsv = page.locator('tr[data-status="bad"]');
  await expect(badCsv).toHaveCount(1);
  await expect(badCsv).toContainText('Григорьева Дарья Андреевна');
  await expect(badCsv).toContainText(/дат/i);
  // the Windows-1251 letters came through: ё and Ё are intact
  await expect(page.locator('tr[data-status="ok"]', { hasText: 'Ёлкин Фёдор Петрович' })).toBeVisible();
  // «7 б» in the file is stored as 7Б
  await expect(page.locator('tr[data-status="ok"]', { hasText: 'Дмитриев Семён Ильич' })).toContainText('7Б');

  // nothing is written before the confirmation
  await page.goto('/people');
  await expect(page.getByRole('link', { name: /Алексеев Артём/ })).toHaveCount(0);

  await pickFile(page, 'class-7b-cp1251.csv');
  await page.getByRole('button', { name: /^Добавить 5 участник/ }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('link', { name: /Алексеев Артём Викторович/ })).toBeVisible();

  // 8А from .xlsx: the row without a first name is spreadsheet row 4
  await pickFile(page, 'class-8a.xlsx');
  await expect(page.locator('tr[data-status="ok"]')).toHaveCount(4);
  const badXlsx = page.locator('tr[data-status="bad"]');
  await expect(badXlsx).toHaveCount(1);
  await expect(badXlsx.locator('td').first()).toHaveText('4');
  await expect(badXlsx).toContainText('Морозов');
  await expect(badXlsx).toContainText(/имя/i);
  await page.getByRole('button', { name: /^Добавить 4 участник/ }).click();
  await expect(page).toHaveURL(/\/people$/);

  // importing the same list again finds everyone already there: duplicates are flagged, not doubled
  await pickFile(page, 'class-8a.xlsx');
  await expect(page.locator('tr[data-status="duplicate"]')).toHaveCount(4);
  await expect(page.getByRole('button', { name: /^Добавить/ })).toBeDisabled();

  // offline reload: the nine are there and found by any part of the name, ё = е
  await page.reload();
  await page.goto('/people');
  const search = page.getByRole('searchbox');
  await search.fill('елкин');
  await expect(page.getByRole('link', { name: /Ёлкин Фёдор Петрович/ })).toBeVisible();
  await search.fill('лебедева');
  await expect(page.getByRole('link', { name: /Лебедева Софья Игоревна/ })).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('people-count')).toHaveText('Всего: 9 участников');

  // the list as CSV for Excel: BOM, semicolons, dates as ДД.ММ.ГГГГ
  await search.fill('7б');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать список (CSV для Excel)' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.startsWith('\uFEFFФИО;Категория;Класс;Дата рождения')).toBe(true);
  expect(csv).toContain('Ёлкин Фёдор Петрович;Обучающийся;7Б;25.07.2013');
  expect(csv).not.toContain('Лебедева');
  await context.setOffline(false);
});
