import { chromium, expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';
import { device, dir, exportBundle, importBundle, nameDevice } from './devices';

const W = 800;
const H = 600;

/** A camera's view of a code: the QR image drawn in the middle of a white 640×480 frame, as grey levels. */
async function cameraFrame(page: Page): Promise<Uint8Array> {
  const grey = await page.getByTestId('qr-code').evaluate(async (shown: HTMLImageElement, [w, h]) => {
    // a copy of the code on screen now, fully decoded (the element itself may be between two codes)
    const img = new Image();
    img.src = shown.src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    const size = Math.min(w, h) - 20;
    g.imageSmoothingEnabled = false;
    g.drawImage(img, (w - size) / 2, (h - size) / 2, size, size);
    const d = g.getImageData(0, 0, w, h).data;
    let out = '';
    for (let i = 0; i < w * h; i++) out += String.fromCharCode(Math.round(0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!));
    return btoa(out);
  }, [W, H] as const);
  return new Uint8Array(Buffer.from(grey, 'base64'));
}

/**
 * A Y4M video (what Chromium's fake camera plays in a loop) of grey frames at `fps`, each shown three times, plus
 * one blank frame: a loop whose length is no multiple of a slow scanner's period, so a busy machine that scans
 * every half second still sees every code (as a real camera watching a live screen does).
 */
function y4m(frames: Uint8Array[], fps: number): Buffer {
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  const blank = new Uint8Array(W * H).fill(255);
  for (const y of [...frames.flatMap((f) => [f, f, f]), blank]) parts.push(Buffer.from('FRAME\n'), Buffer.from(y), chroma, chroma);
  return Buffer.concat(parts);
}

async function seqOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('qr-code').getAttribute('data-seq'));
}

async function partsOf(page: Page): Promise<number> {
  const m = (await page.getByTestId('qr-status').innerText()).match(/Частей: (\d+)/);
  return m ? Number(m[1]) : 1;
}

/** What a camera sees of the sender's loop: `count` codes as they come, every `drop`-th one missed. */
async function filmLoop(page: Page, count: number, drop = 0): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  let taken = 0;
  let last = -1;
  while (frames.length < count) {
    await expect.poll(() => seqOf(page)).not.toBe(last);
    last = await seqOf(page);
    taken += 1;
    if (drop && taken % drop === 0) continue;
    frames.push(await cameraFrame(page));
  }
  return frames;
}

test('QR hand-off with no network: the mentor’s new meeting in a few codes, the whole school as a fountain of codes read by a (fake) camera with frames dropped; a shared .txt opens into the preview', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const camera = join(dir, 'camera.y4m');
  writeFileSync(camera, y4m([new Uint8Array(W * H).fill(255)], 10));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
    ],
  });
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);
  await B.ctx.grantPermissions(['camera']);

  // The mentor's phone (A) and the curator's (B) share a school; B has sent A a file, so A knows what B holds.
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await addPerson(A.page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(A.page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await A.page.goto('/mentorships/new');
  await A.page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await A.page.getByRole('combobox', { name: 'Наставник (до трёх)' }).fill('петр');
  await A.page.getByRole('option', { name: /Петров И\./ }).click();
  await A.page.getByRole('combobox', { name: 'Наставляемые' }).fill('семен');
  await A.page.getByRole('option', { name: /Семёнова А\./ }).click();
  await A.page.getByLabel('Название').fill('Робототехника');
  await A.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(A.page.getByRole('heading', { name: 'Робототехника' })).toBeVisible();
  const pairUrl = A.page.url();
  await nameDevice(A.page, 'Телефон наставника');
  const a0 = await exportBundle(A.page, 'qr-a0.json.gz');
  await B.page.goto('/');
  await waitForOfflineReady(B.page);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(a0);
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await nameDevice(B.page, 'Телефон куратора');
  await importBundle(A.page, await exportBundle(B.page, 'qr-b0.json.gz'));

  // In the meeting room, no signal: A logs a meeting and shows it to B's camera.
  await A.ctx.setOffline(true);
  await B.ctx.setOffline(true);
  await A.page.goto(pairUrl);
  await A.page.getByRole('link', { name: 'Записать встречу' }).click();
  await A.page.getByLabel('Заметки').fill('Разобрали устройство манипулятора, договорились о проекте');
  await A.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(A.page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
  await A.page.goto('/exchange');
  await A.page.getByRole('link', { name: 'Передать по QR' }).click();
  await expect(A.page.getByLabel('Кому')).toHaveValue(/.+/);
  await expect(A.page.getByLabel('Кому').locator('option:checked')).toHaveText(/Телефон куратора — только новое/);
  await A.page.getByRole('button', { name: 'Показать коды' }).click();
  await expect(A.page.getByTestId('qr-status')).toContainText(/Один код|Частей: [23];/);
  if (process.env.SHOTS) await A.page.screenshot({ path: `${process.env.SHOTS}/qr-send.png` });
  expect(await accessibilityViolations(A.page)).toEqual([]);
  const few = await partsOf(A.page);
  writeFileSync(camera, y4m(few === 1 ? [await cameraFrame(A.page)] : await filmLoop(A.page, 2 * few + 2), 30));

  await B.page.goto('/exchange/qr/receive');
  await expect(B.page.getByText('изображение никуда не передаётся')).toBeVisible();
  await B.page.getByRole('button', { name: 'Включить камеру' }).click();
  await expect(B.page.getByRole('heading', { name: 'Что изменится' })).toBeVisible({ timeout: 30_000 });
  await expect(B.page.locator('tr[data-table="meetings"] td[data-outcome="new"]')).toHaveText('1');
  if (process.env.SHOTS) await B.page.screenshot({ path: `${process.env.SHOTS}/qr-preview.png`, fullPage: true });
  await B.page.getByRole('button', { name: 'Применить' }).click();
  await expect(B.page.getByText(/^Импортировано:/)).toBeVisible();
  await B.page.goto(pairUrl);
  await expect(B.page.getByRole('list', { name: 'Журнал встреч' })).toContainText('Разобрали устройство манипулятора');
  await A.page.getByRole('button', { name: 'Готово, приняли' }).click();

  // The whole school as a fountain: K codes shown in a loop; the camera misses every fourth; B still rebuilds it.
  await A.page.goto('/exchange/qr/send');
  await A.page.getByLabel('Кому').selectOption({ label: 'Новому устройству — всё' });
  await A.page.getByRole('button', { name: 'Показать коды' }).click();
  await expect(A.page.getByTestId('qr-status')).toContainText('Частей:');
  const parts = await partsOf(A.page);
  expect(parts).toBeGreaterThan(3);
  const frames = await filmLoop(A.page, 3 * parts + 4, 4);
  writeFileSync(camera, y4m(frames, 30));
  await B.page.goto('/exchange/qr/receive');
  await B.page.getByRole('button', { name: 'Включить камеру' }).click();
  await expect(B.page.getByRole('heading', { name: 'Что изменится' })).toBeVisible({ timeout: 60_000 });
  await expect(B.page.locator('tr[data-table="people"] td[data-outcome="unchanged"]')).toHaveText('2');
  await B.page.getByRole('button', { name: 'Отмена' }).click();

  // The share sheet: Chrome on Android shares only allow-listed types; the app hands it the text form of the file.
  await A.page.getByRole('button', { name: 'Отмена' }).click();
  await A.ctx.addInitScript(() => {
    // Chrome's Web Share on Android, as far as files go: only allow-listed types (FILE_TYPES.md of Chromium).
    const allowed = /\.(pdf|txt|text|csv|html?|css|png|jpe?g|gif|webp|bmp|svg|mp3|mp4|webm|ogg|wav)$/i;
    const w = window as unknown as { sharedFiles: File[] };
    w.sharedFiles = [];
    Object.assign(navigator, {
      canShare: (data: { files?: File[] }) => !!data.files?.every((f) => allowed.test(f.name)),
      share: async (data: { files: File[] }) => {
        w.sharedFiles.push(...data.files);
      },
    });
  });
  await A.page.goto('/exchange');
  await A.page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  await expect(A.page.getByText('Файл передан')).toBeVisible();
  const shared = await A.page.evaluate(async () => {
    const f = (window as unknown as { sharedFiles: File[] }).sharedFiles[0]!;
    return { name: f.name, type: f.type, text: await f.text() };
  });
  expect(shared.name).toMatch(/\.txt$/);
  expect(shared.type).toBe('text/plain');
  expect(shared.text).toContain('Файл обмена приложения «Наставник»');

  // B receives it «Поделиться → Наставник»: the share target's POST, handled by B's service worker, offline.
  // (what Android does: a navigation that POSTs the form of the manifest's share_target)
  await B.page.goto('/');
  await B.page.evaluate((f) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/share-target';
    form.enctype = 'multipart/form-data';
    const input = document.createElement('input');
    input.type = 'file';
    input.name = 'bundle';
    const dt = new DataTransfer();
    dt.items.add(new File([f.text], f.name, { type: f.type }));
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, shared);
  await B.page.waitForURL(/\/exchange/);
  await expect(B.page.getByRole('heading', { name: 'Что изменится' })).toBeVisible();
  await expect(B.page.locator('tr[data-table="meetings"] td[data-outcome="unchanged"]')).toHaveText('1');

  await browser.close();
});

test('no camera, or no permission: «Принять по QR» says so in Russian and the file picker stays', async ({ page, context }) => {
  await completeWizard(page);
  await context.clearPermissions();
  await page.goto('/exchange/qr/receive');
  await page.getByRole('button', { name: 'Включить камеру' }).click();
  await expect(page.getByRole('alert')).toContainText(/Камера не найдена|Доступ к камере запрещён|Камеру включить не удалось/);
  await expect(page.getByLabel('Файл обмена', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Включить камеру' })).toBeEnabled();
});
