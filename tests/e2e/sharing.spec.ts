import { test, expect, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';
import { device, dir, exportBundle, importBundle, nameDevice, openImport } from './devices';

/** Every synced table and the kept conflict versions, as plain JSON: the state "undo" must restore exactly. */
async function dump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('nastavnik');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    // device-local bookkeeping: the history, and what other devices are known to hold (true after an undo too)
    const local = new Set(['meta', 'drafts', 'exchanges', 'snapshots', 'peers']);
    const names = [...db.objectStoreNames].filter((n) => !local.has(n)).sort();
    const out: Record<string, unknown[]> = {};
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve) => {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => {
              out[n] = r.result;
              resolve();
            };
          }),
      ),
    );
    db.close();
    return JSON.stringify(out);
  });
}

async function editPerson(page: Page, name: RegExp, field: string, value: string) {
  await page.goto('/people');
  await page.getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Изменить' }).click();
  await page.getByLabel(field, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
}

test('two devices: export, import on a new phone, edits both ways, a conflict on both sides resolved, undo restores exactly, encryption and bad files', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);

  // Device A: the curator's phone
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await A.ctx.setOffline(true);
  await addPerson(A.page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2013-04-02', roles: ['Наставляемый'] });
  await addPerson(A.page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await nameDevice(A.page, 'Телефон куратора');
  const a1 = await exportBundle(A.page, 'a1.json.gz');
  await expect(A.page.getByRole('list', { name: 'История обмена' }).getByText(/^Сохранён файл/)).toHaveCount(1);

  // Device B: a new phone starts from A's file instead of creating a school
  await B.page.goto('/');
  await expect(B.page).toHaveURL(/\/welcome$/);
  await waitForOfflineReady(B.page);
  await B.ctx.setOffline(true);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(a1);
  await expect(B.page.locator('tr[data-table="people"] td[data-outcome="new"]')).toHaveText('2');
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await B.page.goto('/people');
  await expect(B.page.getByRole('link', { name: /Семёнова Анна/ })).toBeVisible();

  // B edits one person, adds another, and sends an encrypted file back
  await nameDevice(B.page, 'Ноутбук директора');
  await editPerson(B.page, /Петров Иван/, 'Отчество', 'Сергеевич');
  await addPerson(B.page, { lastName: 'Орлова', firstName: 'Дарья', category: 'Обучающийся', classLabel: '9А', birthDate: '2010-09-01', roles: ['Наставник'] });
  const b1 = await exportBundle(B.page, 'b1.nastavnik', 'школа-2025-секрет');

  // A: a wrong passphrase is refused in Russian and nothing changes; the right one shows the preview
  const beforeImport = await dump(A.page);
  await openImport(A.page, b1);
  await A.page.getByLabel('Парольная фраза файла').fill('не та фраза');
  await A.page.getByRole('button', { name: 'Открыть файл' }).click();
  await expect(A.page.getByRole('alert').filter({ hasText: 'Неверная парольная фраза' })).toBeVisible();
  expect(await dump(A.page)).toBe(beforeImport);
  await A.page.getByLabel('Парольная фраза файла').fill('школа-2025-секрет');
  await A.page.getByRole('button', { name: 'Открыть файл' }).click();
  await expect(A.page.locator('tr[data-table="people"] td[data-outcome="new"]')).toHaveText('1');
  await expect(A.page.locator('tr[data-table="people"] td[data-outcome="updated"]')).toHaveText('1');
  await A.page.getByRole('button', { name: 'Применить' }).click();
  await expect(A.page.getByText(/^Импортировано:/)).toBeVisible();
  await A.page.goto('/people');
  await expect(A.page.getByRole('link', { name: /Петров Иван Сергеевич/ })).toBeVisible();
  await expect(A.page.getByRole('link', { name: /Орлова Дарья/ })).toBeVisible();

  // Undo of that import puts A back exactly as it was (compare a dump), and the history says so
  await A.page.goto('/exchange');
  await A.page.getByRole('button', { name: 'Отменить последний импорт' }).click();
  await A.page.getByRole('dialog').getByRole('button', { name: 'Отменить импорт' }).click();
  await expect(A.page.getByText(/^Импорт отменён/)).toBeVisible();
  expect(await dump(A.page)).toBe(beforeImport);
  await expect(A.page.getByRole('list', { name: 'История обмена' }).getByText('отменён')).toBeVisible();
  // …and again, for good
  await openImport(A.page, b1);
  await A.page.getByLabel('Парольная фраза файла').fill('школа-2025-секрет');
  await A.page.getByRole('button', { name: 'Открыть файл' }).click();
  await A.page.getByRole('button', { name: 'Применить' }).click();
  await expect(A.page.getByText(/^Импортировано:/)).toBeVisible();

  // Both now hold the same people
  for (const page of [A.page, B.page]) {
    await page.goto('/people');
    await expect(page.getByTestId('people-count')).toHaveText('Всего: 3 участника');
  }

  // A concurrent edit of one participant on both devices
  await editPerson(A.page, /Семёнова Анна/, 'Телефон', '+7 900 111-11-11');
  await editPerson(B.page, /Семёнова Анна/, 'Телефон', '+7 900 222-22-22');
  const a2 = await exportBundle(A.page, 'a2.json.gz');
  const b2 = await exportBundle(B.page, 'b2.json.gz');
  await importBundle(A.page, b2);
  await importBundle(B.page, a2);
  for (const page of [A.page, B.page]) {
    await page.goto('/exchange');
    await expect(page.getByRole('link', { name: /Конфликты: 1/ })).toBeVisible();
    await page.goto('/exchange/conflicts');
    const card = page.getByRole('region', { name: 'Семёнова Анна' });
    await expect(card.getByRole('group', { name: 'Телефон' })).toBeVisible();
    await expect(card.getByText('+7 900 111-11-11')).toBeVisible();
    await expect(card.getByText('+7 900 222-22-22')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  }
  // Both devices chose the same winner automatically
  const shownA = await A.page.getByRole('radio', { checked: true }).locator('xpath=..').innerText();
  const shownB = await B.page.getByRole('radio', { checked: true }).locator('xpath=..').innerText();
  expect(shownA.split('\n')[0]).toBe(shownB.split('\n')[0]);

  // The curator on A picks B's number; the choice travels to B and settles it there too
  await A.page.getByRole('radio', { name: /\+7 900 222-22-22/ }).check();
  await A.page.getByRole('button', { name: 'Сохранить выбор' }).click();
  await expect(A.page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  const a3 = await exportBundle(A.page, 'a3.json.gz');
  await importBundle(B.page, a3);
  await B.page.goto('/exchange/conflicts');
  await expect(B.page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  for (const page of [A.page, B.page]) {
    await page.goto('/people');
    await page.getByRole('link', { name: /Семёнова Анна/ }).click();
    await expect(page.getByText('+7 900 222-22-22')).toBeVisible();
  }

  // Bad files: a clear Russian message, and the database is exactly as before
  const before = await dump(B.page);
  const png = join(dir, 'photo.json.gz');
  writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await openImport(B.page, png);
  await expect(B.page.getByRole('alert')).toContainText('Это не файл обмена «Наставника»');
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, '{"header":{"format":"nastavnik-bundle","formatVersion":1');
  await openImport(B.page, cut);
  await expect(B.page.getByRole('alert')).toContainText(/повреждён|не читается/);
  expect(await dump(B.page)).toBe(before);

  await A.ctx.close();
  await B.ctx.close();
});

test('the export form names what is wrong: no pair ticked, a short passphrase, a repeat that differs', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('/exchange');
  await page.getByRole('radio', { name: /Только выбранные пары и группы/ }).check();
  await page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  await expect(page.locator('.field-error')).toHaveText('Отметьте хотя бы одну пару или группу');
  await page.getByRole('radio', { name: /Вся школа/ }).check();
  await page.getByRole('checkbox', { name: 'Зашифровать парольной фразой' }).check();
  await page.getByLabel('Парольная фраза', { exact: true }).fill('коротко');
  await page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  await expect(page.locator('.field-error', { hasText: 'Парольная фраза: не короче 8 символов' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Повтор не совпадает с парольной фразой' })).toBeVisible();
});

test('a whole-school backup with the files of materials: a ZIP that brings the files to a new phone, byte for byte', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await A.ctx.setOffline(true);

  // A keeps a methodological material on the device
  const memo = Buffer.from('%PDF-1.4\n% Памятка наставника: встреча-знакомство, план, итоговая встреча\n%%EOF\n');
  await A.page.goto('/materials');
  await A.page.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'Памятка наставника.pdf', mimeType: 'application/pdf', buffer: memo });
  await A.page.getByRole('button', { name: 'Сохранить на устройстве' }).click();
  await expect(A.page.getByRole('list', { name: 'Материалы' }).getByText('Памятка наставника', { exact: true })).toBeVisible();

  // Without the tick the file stays behind; with it, the bundle becomes a ZIP holding the file
  await A.page.goto('/exchange');
  const withFiles = A.page.getByRole('checkbox', { name: /Вместе с файлами материалов и документов \(1 файл, \d+ Б\)/ });
  await expect(withFiles).not.toBeChecked();
  await expect(A.page.getByText(/войдут только названия и описания материалов/)).toBeVisible();
  await withFiles.check();
  await expect(A.page.getByText(/станет архивом \.zip/)).toBeVisible();
  const download = A.page.waitForEvent('download');
  await A.page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^Наставник_.*_вся-школа_\d{4}-\d\d-\d\d\.zip$/);
  const path = join(dir, 'backup.zip');
  await d.saveAs(path);
  await expect(A.page.getByRole('status').filter({ hasText: /Сохранено: .* и 1 файл материалов/ })).toBeVisible();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const fileEntries = Object.keys(entries).filter((n) => n.startsWith('files/'));
  expect(fileEntries).toHaveLength(1);
  expect(Buffer.from(entries[fileEntries[0]!]!)).toEqual(memo);

  // B, a new phone, starts from the archive; the preview says the file comes too
  await B.page.goto('/');
  await waitForOfflineReady(B.page);
  await B.ctx.setOffline(true);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(path);
  await expect(B.page.getByTestId('import-files')).toHaveText(/Файлы материалов: добавится 1 файл, \d+ Б\./);
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();

  // The material on B gives back exactly the bytes A stored
  await B.page.goto('/materials');
  const saved = B.page.waitForEvent('download');
  await B.page.getByRole('button', { name: 'Поделиться' }).click();
  const got = await saved;
  expect(got.suggestedFilename()).toBe('Памятка наставника.pdf');
  expect(readFileSync((await got.path())!)).toEqual(memo);
  await B.page.goto('/exchange');
  await expect(B.page.getByRole('list', { name: 'История обмена' })).toContainText('1 файл материалов');

  await A.ctx.close();
  await B.ctx.close();
});
