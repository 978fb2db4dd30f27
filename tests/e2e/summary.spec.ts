import { expect, test, type Locator, type Page } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';
import { device, dir, exportBundle } from './devices';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';

/**
 * «Сводка по школам» (issue 15): three schools save their whole-school files on their own devices (one encrypted);
 * the municipality's device picks all three at once, gives the passphrase, sees one row per school and the totals,
 * opens one school, downloads the XLSX and reads it back — and its own school's data is untouched.
 */
test.setTimeout(180_000);

/** A screenshot of the 360×740 screen with `at` scrolled into view, for a look at the phone's layout. */
async function shot(page: Page, name: string, at: Locator) {
  await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(process.env.E2E_OUT ?? 'test-results', `summary-${name}.png`) });
}

async function school(page: Page, name: string, mentors: number, file: string, passphrase?: string): Promise<string> {
  await completeWizard(page, name);
  for (const lastName of ['Педагогова', 'Учителева'].slice(0, mentors)) await addPerson(page, { lastName, firstName: 'Анна', category: 'Педагог', roles: ['Наставник'] });
  return exportBundle(page, file, passphrase);
}

test('three schools’ files in, one table and an XLSX out, nothing kept', async ({ browser, baseURL, page }) => {
  const files: string[] = [];
  for (const [name, mentors, file, pass] of [
    ['Школа № 1 г. Амурска', 1, 'school1.json.gz', undefined],
    ['Школа № 2 г. Амурска', 2, 'school2.json.gz', undefined],
    ['Лицей г. Амурска', 0, 'school3.nastavnik', 'лицей-секрет'],
  ] as const) {
    const other = await device(browser, baseURL!);
    files.push(await school(other.page, name, mentors, file, pass));
    await other.ctx.close();
  }

  // The municipality's own device (it has a school of its own, which the summary must not touch)
  await completeWizard(page, 'Управление образования');
  await page.goto('/more');
  await page.getByRole('link', { name: /Сводка по школам/ }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await expect(page.getByRole('heading', { name: 'Сводка по школам', level: 1 })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('На этом устройстве ничего не сохраняется.');

  await page.getByLabel('Файлы школ').setInputFiles(files);
  const pass = page.getByLabel('Парольная фраза файла «school3.nastavnik»');
  await expect(pass).toBeVisible();
  await pass.fill('неверно');
  await page.getByRole('button', { name: 'Открыть файл' }).click();
  await expect(page.getByRole('alert')).toContainText('парольная фраза');
  await pass.fill('лицей-секрет');
  await page.getByRole('button', { name: 'Открыть файл' }).click();
  await expect(pass).toHaveCount(0);
  await expect(page.getByText('Прочитано 3 файла: в сводке 3 школы.')).toBeVisible();

  const schools = page.getByRole('region', { name: 'Таблица: показатели по школам' });
  await expect(schools.getByRole('row')).toHaveCount(4); // the header and three schools
  await expect(schools.getByRole('row').nth(1)).toContainText('Лицей г. Амурска');
  await expect(schools.getByRole('row').filter({ hasText: 'Школа № 2 г. Амурска' })).toContainText('5,3 % (2 из 38)');
  const totals = page.getByRole('region', { name: 'Таблица: итоги по муниципалитету' });
  // 0 + 1 + 2 teacher mentors of 38 + 38 + 38 teachers: 3 of 114 = 2,6 %
  await expect(totals.getByRole('row').filter({ hasText: 'Наставники среди педагогов' })).toContainText('2,6 %');
  await expect(totals.getByRole('row').filter({ hasText: 'Наставники среди педагогов' })).toContainText('114');
  await shot(page, 'files', page.getByRole('heading', { name: 'Файлы' }));
  await shot(page, 'totals', totals);
  await shot(page, 'schools', schools);
  expect(await accessibilityViolations(page)).toEqual([]);

  // Nothing at 360 px spills past the right edge
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Drill into one school
  await page.getByRole('button', { name: 'Показатели школы «Школа № 1 г. Амурска»' }).click();
  const drill = page.getByRole('region', { name: 'Таблица: показатели школы «Школа № 1 г. Амурска»' });
  await expect(page.getByRole('heading', { name: 'Школа № 1 г. Амурска', level: 2 })).toBeFocused();
  await expect(drill.getByRole('row').filter({ hasText: 'Наставники среди педагогов' })).toContainText('2,6');
  await shot(page, 'drill', page.getByRole('heading', { name: 'Школа № 1 г. Амурска', level: 2 }));
  await page.getByRole('button', { name: 'Закрыть' }).click();

  // More files: the first school again (counted once) and a file of an older format
  const v2 = join(dir, 'v2-school.json');
  copyFileSync(fileURLToPath(new URL('../fixtures/bundles/v2-school.json', import.meta.url)), v2);
  await page.getByLabel('Файлы школ').setInputFiles([files[0]!, v2]);
  await expect(page.getByText('Прочитано 5 файлов: в сводке 4 школы, не учтено 1 файл.')).toBeVisible();
  await expect(page.getByText(/^Тот же файл школы «Школа № 1 г\. Амурска»/)).toBeVisible();
  await expect(page.getByText(/^Файл старого формата \(версия 2/)).toBeVisible();

  // The XLSX, read back
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Сводка_по_школам_\d{4}-\d\d-\d\d\.xlsx$/);
  const sheets = (await readXlsxFile((await file.path())!)) as unknown as { sheet: string; data: unknown[][] }[];
  expect(sheets.map((s) => s.sheet)).toEqual(['Сводка', 'Итоги', 'Файлы']);
  const main = sheets[0]!.data;
  const header = main[3]!;
  expect(header.slice(0, 3)).toEqual(['Школа', 'Учебный год', 'Данные на']);
  const col = (h: string) => header.indexOf(h);
  const row = (name: string) => main.find((r) => r[0] === name)!;
  expect(row('Школа № 2 г. Амурска')[col('Наставники среди педагогов: учтено')]).toBe(2);
  expect(row('Школа № 2 г. Амурска')[col('Наставники среди педагогов: из')]).toBe(38);
  expect(row('Школа № 2 г. Амурска')[col('Наставники среди педагогов: значение, %')]).toBe(5.3);
  const total = main.at(-1)!;
  expect(total[0]).toBe('Итого по муниципалитету (4 школы)');
  expect(main.slice(4, -1).map((r) => r[0])).toEqual(['Лицей г. Амурска', 'МБОУ «Школа № 14»', 'Школа № 1 г. Амурска', 'Школа № 2 г. Амурска']);
  const totalsSheet = sheets[1]!.data;
  expect(totalsSheet.find((r) => r[0] === 'Наставники среди педагогов')!.slice(1, 3)).toEqual([4, 164]); // + the v2 school: 1 of 50
  expect(sheets[2]!.data.slice(4).map((r) => r[3])).toEqual(['в сводке', 'в сводке', 'в сводке', 'не учтён: тот же файл', 'в сводке']);

  // The CSV
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать CSV' }).click();
  expect((await csvDownload).suggestedFilename()).toMatch(/^Сводка_по_школам_.*\.csv$/);

  // This device's own school has none of theirs
  await page.goto('/people');
  await expect(page.getByText('Педагогова')).toHaveCount(0);
  await page.goto('/summary');
  await expect(page.getByText(/Прочитано/)).toHaveCount(0);
});

test('a methodologist’s device with no school of its own opens the summary from the first-run screen, offline, and it stays without a school', async ({ browser, baseURL, page, context }) => {
  const other = await device(browser, baseURL!);
  const file = await school(other.page, 'Школа № 5 г. Амурска', 1, 'school5.json.gz', undefined);
  await other.ctx.close();

  await page.goto('/');
  await expect(page).toHaveURL(/\/welcome$/);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Сводка по школам' }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await expect(page.getByRole('heading', { name: 'Сводка по школам', level: 1 })).toBeVisible();
  await page.getByLabel('Файлы школ').setInputFiles([file]);
  await expect(page.getByText('Прочитано 1 файл: в сводке 1 школа.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Таблица: показатели по школам' })).toContainText('Школа № 5 г. Амурска');
  // Reading a school's file did not make it this device's school: any other page still leads to the wizard.
  await page.goto('/people');
  await expect(page).toHaveURL(/\/welcome$/);
});
