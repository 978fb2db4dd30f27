import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeWizard, waitForDraft, waitForOfflineReady } from './helpers';

/** The served build's service worker: E2E_DIST when the run serves its own build (see playwright.config.ts). */
const swPath = process.env.E2E_DIST ? join(process.env.E2E_DIST, 'sw.js') : fileURLToPath(new URL('../../dist/sw.js', import.meta.url));

test('a new version is offered, not forced, and a half-filled form survives the update', async ({ page }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await page.goto('/people/new');
  await page.getByLabel('Фамилия').fill('Абрамова');
  await page.getByLabel('Заметки').fill('Заполняю во время встречи');
  await waitForDraft(page, 'Заполняю во время встречи');

  // Deploy a "new version": a changed service worker script on the server.
  const original = readFileSync(swPath, 'utf8');
  try {
    writeFileSync(swPath, `${original}\n// new version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByText('Доступна новая версия приложения.');
    await expect(prompt).toBeVisible();
    // Nothing reloads by itself: the form is still as typed.
    await expect(page.getByLabel('Фамилия')).toHaveValue('Абрамова');
    await page.getByRole('button', { name: 'Обновить' }).click();
    await page.waitForEvent('load');
    await expect(page.getByText('Восстановлен несохранённый черновик этой формы.')).toBeVisible();
    await expect(page.getByLabel('Фамилия')).toHaveValue('Абрамова');
    await expect(page.getByLabel('Заметки')).toHaveValue('Заполняю во время встречи');
  } finally {
    writeFileSync(swPath, original);
  }
});
