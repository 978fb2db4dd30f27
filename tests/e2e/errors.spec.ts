import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { addPerson, completeWizard, waitForOfflineReady } from './helpers';

test('a page that fails shows the error screen in the app’s frame, keeps the data, and saves a backup from there', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await page.goto('/people');
  await page.getByRole('link', { name: /Петров Иван/ }).click();
  const url = page.url();

  // A record damaged on the device (written around the app): its card cannot be drawn.
  await page.evaluate(async () => {
    const req = <T,>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const db = await req(indexedDB.open('nastavnik'));
    const store = db.transaction('people', 'readwrite').objectStore('people');
    const all = (await req(store.getAll())) as { lastName: string; roles: unknown }[];
    const p = all.find((x) => x.lastName === 'Петров')!;
    await req(store.put({ ...p, roles: null }));
    db.close();
  });
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Этот экран не открылся' })).toBeVisible();
  await expect(page.getByText(/Данные на этом устройстве сохранены/)).toBeVisible();
  // The frame stays: the bottom navigation still leads away.
  await expect(page.getByRole('link', { name: 'Обзор' })).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/error-screen.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить резервную копию' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/_вся-школа_.*\.json\.gz$/);
  const bundle = JSON.parse(gunzipSync(readFileSync((await file.path())!)).toString('utf8')) as { tables: { people: { lastName: string }[] } };
  expect(bundle.tables.people.map((p) => p.lastName).sort()).toEqual(['Орлова', 'Петров']);
  await expect(page.getByText('Файл сохранён в загрузки.')).toBeVisible();

  // A screen that does not read the damaged record works as before (the overview counts people's roles, so it too
  // would show the error screen until the record is mended from a file).
  await page.getByRole('link', { name: 'Ещё' }).click();
  await expect(page.getByRole('heading', { name: 'Ещё' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Этот экран не открылся' })).toHaveCount(0);
});
