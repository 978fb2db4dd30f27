import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the exchanged files of a test run land. */
export const dir = mkdtempSync(join(tmpdir(), 'nastavnik-bundles-'));

/** A second phone: its own context (its own IndexedDB), same screen and locale as the configured one. */
export async function device(browser: Browser, baseURL: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'ru-RU',
    timezoneId: 'Asia/Vladivostok',
  });
  return { ctx, page: await ctx.newPage() };
}

export async function nameDevice(page: Page, name: string) {
  await page.goto('/exchange');
  await page.getByLabel('Название этого устройства').first().fill(name);
  await page.getByRole('button', { name: 'Сохранить название' }).first().click();
  await expect(page.getByText('Название устройства сохранено')).toBeVisible();
}

/** «Сохранить файл обмена» on the Обмен page; returns the path of the downloaded file. */
export async function exportBundle(page: Page, file: string, passphrase?: string): Promise<string> {
  await page.goto('/exchange');
  if (passphrase) {
    await page.getByRole('checkbox', { name: 'Зашифровать парольной фразой' }).check();
    await page.getByLabel('Парольная фраза', { exact: true }).fill(passphrase);
    await page.getByLabel('Повторите парольную фразу').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(passphrase ? /^Наставник_.*_вся-школа_\d{4}-\d\d-\d\d\.nastavnik$/ : /^Наставник_.*_вся-школа_\d{4}-\d\d-\d\d\.json\.gz$/);
  const path = join(dir, file);
  await d.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено:' })).toBeVisible();
  return path;
}

export async function openImport(page: Page, path: string) {
  await page.goto('/exchange');
  await page.getByLabel('Файл обмена', { exact: true }).setInputFiles(path);
}

export async function importBundle(page: Page, path: string) {
  await openImport(page, path);
  await expect(page.getByRole('heading', { name: 'Что изменится' })).toBeVisible();
  await page.getByRole('button', { name: 'Применить' }).click();
  await expect(page.getByText(/^Импортировано:/)).toBeVisible();
}

