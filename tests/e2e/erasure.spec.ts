import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readDocx } from '../unit/docxText';
import { accessibilityViolations, completeWizard, waitForOfflineReady } from './helpers';
import { device, dir, exportBundle, importBundle, nameDevice, openImport } from './devices';

const SURNAME = 'Семёнова';
const PATRONYMIC = 'Петровна';
const PHONE = '+7 914 555-12-34';
const EMAIL = 'anna.semenova@example.ru';
const REASON = 'отзыв субъектом персональных данных согласия на их обработку';

async function shot(page: Page, name: string, fullPage = true) {
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`), fullPage });
}

/** Every object store of the device's IndexedDB, local ones included, as JSON by store. */
async function dump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('nastavnik');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const out: Record<string, string> = {};
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve, reject) => {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => {
              out[n] = JSON.stringify(r.result);
              resolve();
            };
            r.onerror = () => reject(r.error);
          }),
      ),
    );
    db.close();
    return out;
  });
}

/**
 * Nothing of her anywhere on the device: no phone or e-mail in any store; her name only in the log of erasures, which
 * order № 179 asks to keep (the subject's name, the categories, the reason, the date) for three years.
 */
async function expectNothingOfHer(page: Page) {
  const stores = await dump(page);
  expect(Object.keys(stores)).toContain('erasures');
  for (const [store, json] of Object.entries(stores)) {
    expect(json, `${store}: phone`).not.toContain('555-12-34');
    expect(json, `${store}: e-mail`).not.toContain(EMAIL);
    if (store === 'erasureLog') continue;
    expect(json, `${store}: surname`).not.toContain(SURNAME);
    expect(json, `${store}: patronymic`).not.toContain(PATRONYMIC);
  }
  return stores;
}

test('a withdrawn consent, 29 days later the data is erased through the dialog; the act downloads; B loses the data with A’s file and an old backup brings nothing back', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);
  for (const d of [A, B]) await d.page.clock.setFixedTime(new Date('2025-10-01T10:00:00+10:00'));

  // The curator's phone, offline: the school with its curator, a student with a phone, an e-mail and a consent.
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await A.ctx.setOffline(true);
  await A.page.goto('/settings');
  await A.page.getByLabel('ФИО куратора внедрения ЦМН').fill('Иванова Мария Сергеевна');
  await A.page.getByRole('button', { name: 'Сохранить', exact: true }).first().click();
  await expect(A.page.getByText('Профиль школы сохранён')).toBeVisible();
  await A.page.goto('/people/new');
  await A.page.getByLabel('Фамилия').fill(SURNAME);
  await A.page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Анна');
  await A.page.getByLabel('Отчество').fill(PATRONYMIC);
  await A.page.getByLabel('Категория').selectOption({ label: 'Обучающийся' });
  await A.page.getByLabel('Класс').fill('9А');
  await A.page.getByLabel('Дата рождения').fill('2010-03-01');
  await A.page.getByRole('checkbox', { name: 'Наставляемый' }).check();
  await A.page.getByLabel('Телефон').fill(PHONE);
  await A.page.getByLabel('Электронная почта').fill(EMAIL);
  await A.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(A.page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const card = new URL(A.page.url()).pathname;
  await A.page.getByRole('link', { name: 'Оформить согласие' }).click();
  await A.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(A.page.getByTestId('consent-status')).toHaveText('Действующее согласие есть.');
  await nameDevice(A.page, 'Телефон куратора');
  const oldBackup = await exportBundle(A.page, 'erasure-old-backup.json.gz');

  // The director's laptop starts from that backup: it holds her data too.
  await B.page.goto('/');
  await waitForOfflineReady(B.page);
  await B.ctx.setOffline(true);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(oldBackup);
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await nameDevice(B.page, 'Ноутбук директора');
  expect((await dump(B.page)).people).toContain(EMAIL);

  // She withdraws her consent on 1 October; on the 29th day «Требует внимания» says one day is left.
  await A.page.goto(card);
  await A.page.getByRole('button', { name: 'Отозвать' }).click();
  await A.page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
  await expect(A.page.getByTestId('consent-status')).toHaveText('Действующего согласия нет.');
  for (const d of [A, B]) await d.page.clock.setFixedTime(new Date('2025-10-30T10:00:00+10:00'));
  await A.page.goto('/');
  const due = A.page.getByRole('list', { name: 'Требует внимания' });
  await expect(due.getByRole('link', { name: /^Отозвано согласие: Семёнова Анна Петровна/ })).toHaveText(
    'Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (остался 1 день)',
  );
  await due.getByRole('link', { name: /^Отозвано согласие/ }).click();
  await expect(A.page).toHaveURL(new RegExp(`${card}$`));

  // The dialog: what goes, what stays, who and why (the curator and the withdrawal by default), checked in Russian.
  await A.page.getByRole('button', { name: 'Уничтожить персональные данные' }).click();
  const dialog = A.page.getByRole('dialog', { name: 'Уничтожить персональные данные' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Что уничтожается');
  await expect(dialog).toContainText('телефон и электронная почта');
  await expect(dialog).toContainText('место, заметки и договорённости встреч');
  await expect(dialog).toContainText('Что остаётся (обезличенно)');
  await expect(dialog).toContainText('сколько было встреч');
  await expect(dialog.getByLabel('Кто уничтожает: фамилия, имя, отчество')).toHaveValue('Иванова Мария Сергеевна');
  await expect(dialog.getByLabel('Должность')).toHaveValue('куратор');
  await expect(dialog.getByRole('radio', { name: 'Отзыв субъектом персональных данных согласия на их обработку' })).toBeChecked();
  // It opens on its title, at the top: the explanation is not scrolled past.
  await expect(dialog.getByRole('heading', { name: 'Уничтожить персональные данные' })).toBeFocused();
  await expect(dialog.getByRole('heading', { name: 'Что уничтожается' })).toBeInViewport();
  await shot(A.page, 'erasure-dialog', false);
  await dialog.getByRole('group', { name: 'Причина уничтожения' }).scrollIntoViewIfNeeded();
  await shot(A.page, 'erasure-dialog-form', false);
  expect(await accessibilityViolations(A.page)).toEqual([]);
  await dialog.getByLabel('Должность').fill('');
  await dialog.getByRole('button', { name: 'Уничтожить' }).click();
  await expect(dialog.getByText('Должность: укажите')).toBeVisible();
  await dialog.getByLabel('Должность').fill('куратор');
  await dialog.getByRole('button', { name: 'Уничтожить' }).click();

  // The act opens, and downloads as DOCX that reads back.
  await expect(A.page).toHaveURL(/\/erasures\/[0-9a-f-]{36}\/act$/);
  const actUrl = new URL(A.page.url()).pathname;
  const act = A.page.getByRole('article', { name: 'Текст акта' });
  await expect(act).toContainText('об уничтожении персональных данных');
  await expect(act).toContainText('Семёнова Анна Петровна (обучающийся)');
  await expect(act).toContainText(REASON);
  await expect(act).toContainText('30.10.2025');
  await expect(act).toContainText('куратор Иванова Мария Сергеевна');
  await shot(A.page, 'erasure-act');
  const download = A.page.waitForEvent('download');
  await A.page.getByRole('button', { name: 'Скачать DOCX' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^Акт_об_уничтожении_ПД_20251030-[0-9A-Z]{4}\.docx$/);
  const actPath = join(dir, 'erasure-act.docx');
  await d.saveAs(actPath);
  const { text } = await readDocx(new Blob([readFileSync(actPath)]));
  expect(text).toContain('АКТ');
  expect(text).toContain('об уничтожении персональных данных');
  expect(text).toContain('Семёнова Анна Петровна (обучающийся)');
  expect(text).toContain(REASON);
  expect(text).toContain('Выгрузка из журнала регистрации событий');

  // Her card keeps no personal data: the date, the reason and the act instead; «Требует внимания» is quiet about her.
  await A.page.goto(card);
  await expect(A.page.getByRole('heading', { level: 1 })).toHaveText('Участник, чьи данные уничтожены');
  await expect(A.page.getByTestId('erased-notice')).toContainText(`Персональные данные участника уничтожены 30.10.2025. Причина: ${REASON}.`);
  await shot(A.page, 'erasure-card');
  const body = await A.page.locator('main').innerText();
  for (const s of [SURNAME, 'Анна', PATRONYMIC, '555-12-34', EMAIL, '01.03.2010']) expect(body).not.toContain(s);
  await expect(A.page.getByRole('button', { name: 'Уничтожить персональные данные' })).toHaveCount(0);
  await expect(A.page.getByRole('link', { name: 'Изменить' })).toHaveCount(0);
  await A.page.getByRole('link', { name: 'Акт об уничтожении персональных данных' }).click();
  await expect(A.page).toHaveURL(new RegExp(`${actUrl}$`));
  await A.page.goto('/');
  await expect(A.page.getByText(/Отозвано согласие/)).toHaveCount(0);
  await expect(A.page.getByText(/Нет согласия на обработку данных/)).toHaveCount(0);

  // The journal, from «Ещё»: the line, its act again (read from the log, not from the navigation), the extract as DOCX.
  await A.page.getByRole('link', { name: 'Ещё' }).click();
  await A.page.getByRole('link', { name: /Журнал уничтожения персональных данных/ }).click();
  await expect(A.page).toHaveURL(/\/erasures$/);
  const lines = A.page.getByRole('list', { name: 'Записи журнала' }).getByRole('listitem');
  await expect(lines).toHaveCount(1);
  await expect(lines).toContainText('30.10.2025 — Семёнова Анна Петровна (обучающийся)');
  await expect(lines).toContainText(`Причина: ${REASON}`);
  await shot(A.page, 'erasure-journal');
  expect(await accessibilityViolations(A.page)).toEqual([]);
  const logDownload = A.page.waitForEvent('download');
  await A.page.getByRole('button', { name: 'Скачать DOCX' }).click();
  const logPath = join(dir, 'erasure-log.docx');
  await (await logDownload).saveAs(logPath);
  const log = await readDocx(new Blob([readFileSync(logPath)]));
  expect(log.text).toContain('Выгрузка из журнала регистрации событий');
  expect(log.text).toContain('Семёнова Анна Петровна (обучающийся)');
  await A.page.reload();
  await lines.getByRole('link', { name: /^Акт об уничтожении/ }).click();
  await expect(A.page.getByRole('article', { name: 'Текст акта' })).toContainText('Семёнова Анна Петровна (обучающийся)');
  await A.page.reload();
  await expect(A.page.getByRole('article', { name: 'Текст акта' })).toContainText(REASON);

  // A's device and A's next file hold nothing of her but the log line.
  const aStores = await expectNothingOfHer(A.page);
  expect(aStores.erasureLog).toContain('Семёнова Анна Петровна');
  const after = await exportBundle(A.page, 'erasure-after.json.gz');
  const fileText = gunzipSync(readFileSync(after)).toString('utf8');
  for (const s of [SURNAME, PATRONYMIC, '555-12-34', EMAIL]) expect(fileText).not.toContain(s);

  // B imports A's file: its own copy goes too.
  await importBundle(B.page, after);
  await B.page.goto('/people');
  await expect(B.page.getByRole('link', { name: /Семёнова/ })).toHaveCount(0);
  await expectNothingOfHer(B.page);

  // B's old backup, imported again: the file held her data, the app says so and skips it.
  await openImport(B.page, oldBackup);
  await expect(B.page.getByRole('heading', { name: 'Что изменится' })).toBeVisible();
  await expect(B.page.getByTestId('erased-records')).toHaveText(
    /^В файле были данные человека, чьи персональные данные уничтожены: \d+ запис(ь — она пропущена|и — они пропущены|ей — они пропущены)\.$/,
  );
  await B.page.getByTestId('erased-records').scrollIntoViewIfNeeded();
  await shot(B.page, 'erasure-import', false);
  await B.page.getByRole('button', { name: 'Применить' }).click();
  await expect(B.page.getByText(/^Импортировано:/)).toBeVisible();
  await expectNothingOfHer(B.page);
  await B.page.goto('/people');
  await expect(B.page.getByRole('link', { name: /Семёнова/ })).toHaveCount(0);
  await expect(B.page.getByRole('link', { name: /Обезличено/ })).toHaveCount(1);

  await A.ctx.close();
  await B.ctx.close();
});
