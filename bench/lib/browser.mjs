// Debian's Chromium, driven by Playwright; no browser is ever downloaded.

import { chromium, devices } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The phone of the e2e tests: Pixel 5's user agent, touch and pixel ratio on a 360×740 viewport. */
export function phoneContext(browser, baseURL) {
  return browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Vladivostok',
    serviceWorkers: 'allow',
    baseURL,
  });
}
