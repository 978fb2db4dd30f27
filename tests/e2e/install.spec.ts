import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations, completeWizard, waitForOfflineReady } from './helpers';

/**
 * «Установка на телефон». Chromium under test never offers its install dialog by itself, so the page receives a
 * synthetic `beforeinstallprompt` (an Event with a prompt() stub and a userChoice promise): what is tested is the
 * app's reaction to it. window.__prompts counts the calls of prompt().
 */
interface Offer {
  outcome: 'accepted' | 'dismissed';
  atDomContentLoaded?: boolean;
}

function offerInstall({ outcome, atDomContentLoaded = false }: Offer) {
  const w = window as unknown as { __prompts?: number };
  const fire = () => {
    w.__prompts = 0;
    const e = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(e, {
      prompt: async () => {
        w.__prompts = (w.__prompts ?? 0) + 1;
      },
      userChoice: Promise.resolve({ outcome, platform: 'web' }),
    });
    window.dispatchEvent(e);
  };
  if (atDomContentLoaded) document.addEventListener('DOMContentLoaded', fire, { once: true });
  else fire();
}

const prompts = (page: Page) => page.evaluate(() => (window as unknown as { __prompts?: number }).__prompts ?? 0);

/** To the settings page without reloading (a reload would lose the kept event, as in a real browser). */
async function openSettingsInApp(page: Page) {
  await page.getByRole('link', { name: 'Ещё' }).click();
  await page.getByRole('link', { name: /^Настройки/ }).click();
  await expect(page.getByRole('heading', { name: 'Установка на телефон' })).toBeVisible();
}

test('the home page offers to install once the browser allows it; the button opens the browser’s dialog', async ({ page }) => {
  await completeWizard(page);
  await page.getByRole('link', { name: 'Обзор' }).click();
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  const offer = page.getByRole('region', { name: 'Установка на телефон' });
  await expect(offer).toHaveCount(0);

  await page.evaluate(offerInstall, { outcome: 'accepted' } as Offer);
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('работать без интернета');
  expect(await accessibilityViolations(page)).toEqual([]);
  await offer.getByRole('button', { name: 'Установить на телефон' }).click();
  await expect(offer).toHaveCount(0);
  expect(await prompts(page)).toBe(1);

  // Accepted: the settings page says so
  await openSettingsInApp(page);
  await expect(page.getByText('Приложение установлено')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Установить на телефон' })).toHaveCount(0);
});

test('an event fired before React mounts is kept; «Не сейчас» is remembered over a reload; settings still offers', async ({ page }) => {
  await completeWizard(page);
  // Every page load from now on gets the event at DOMContentLoaded — after the entry script, before the first render.
  await page.addInitScript(offerInstall, { outcome: 'dismissed', atDomContentLoaded: true } as Offer);
  await page.goto('/');
  const offer = page.getByRole('region', { name: 'Установка на телефон' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Не сейчас' }).click();
  await expect(offer).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  // The app has the browser's event (settings show its button), and home still keeps the offer away.
  await openSettingsInApp(page);
  await expect(page.getByRole('button', { name: 'Установить на телефон' })).toBeVisible();
  await page.getByRole('link', { name: 'Обзор' }).click();
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  await expect(offer).toHaveCount(0);

  // The settings page ignores the home page's dismissal: the button is there, and a «no» in the dialog keeps it hidden at home
  await openSettingsInApp(page);
  await page.getByRole('button', { name: 'Установить на телефон' }).click();
  expect(await prompts(page)).toBe(1);
  await expect(page.getByRole('button', { name: 'Установить на телефон' })).toHaveCount(0);
  await expect(page.getByText(/Откройте меню браузера/)).toBeVisible();
});

test('without the dialog the settings page explains the browser menu; appinstalled says it is installed', async ({ page }) => {
  await completeWizard(page);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Установка на телефон' })).toBeVisible();
  await expect(page.getByText(/Откройте меню браузера \(⋮ справа вверху\) и выберите «Установить приложение»/)).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await expect(page.getByText('Приложение установлено')).toBeVisible();
});

test('started from the home screen: «Приложение установлено», and no offer on the home page', async ({ page }) => {
  await completeWizard(page);
  // Safari's flag of a home-screen start (Playwright cannot emulate display-mode: standalone)
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true, configurable: true }));
  await page.addInitScript(offerInstall, { outcome: 'accepted', atDomContentLoaded: true } as Offer);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  // Settings (reached in the app, with the same event) say it is installed; back home there is no offer.
  await openSettingsInApp(page);
  await expect(page.getByText('Приложение установлено')).toBeVisible();
  await page.getByRole('link', { name: 'Обзор' }).click();
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Установка на телефон' })).toHaveCount(0);
  await page.goto('/settings');
  await expect(page.getByText('Приложение установлено')).toBeVisible();
  await expect(page.getByText(/Оно открывается со значка «Наставник» на главном экране/)).toBeVisible();
});

test.describe('on an iPhone', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });
  test('Safari gets «Поделиться → На экран „Домой“»', async ({ page }) => {
    await completeWizard(page);
    await page.goto('/settings');
    const steps = page.getByTestId('ios-install-steps');
    await expect(steps.getByRole('listitem')).toHaveText([/нажмите «Поделиться»/, /выберите «На экран „Домой“» и нажмите «Добавить»/]);
    await expect(page.getByText('Коротко: «Поделиться → На экран „Домой“».', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Установить на телефон' })).toHaveCount(0);
  });
});

test('the manifest has the long-press shortcuts, and both open offline', async ({ page, context }) => {
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    shortcuts?: { name: string; short_name: string; url: string; icons: { src: string; sizes: string; type: string }[] }[];
  };
  expect(manifest.shortcuts?.map((s) => [s.name, s.short_name, s.url])).toEqual([
    ['Записать встречу', 'Встреча', '/mentorships?status=active'],
    ['Обмен', 'Обмен', '/exchange'],
  ]);
  for (const { icons } of manifest.shortcuts ?? []) {
    expect(icons).toEqual([{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' }]);
    expect((await page.request.get(`/${icons[0]!.src}`)).headers()['content-type']).toContain('image/png');
  }

  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto('/mentorships?status=active');
  await expect(page.getByRole('heading', { name: 'Пары и группы' })).toBeVisible();
  await page.goto('/exchange');
  await expect(page.getByRole('heading', { name: 'Обмен данными' })).toBeVisible();
  await context.setOffline(false);
});
