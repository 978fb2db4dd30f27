import { defineConfig, devices } from '@playwright/test';

/**
 * The built app in Debian's Chromium on a phone-sized screen. No browser is ever downloaded.
 * E2E_PORT, E2E_DIST and E2E_OUT let several runs share a machine: each serves its own build on its own port.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';
const out = process.env.E2E_OUT ?? '../../test-results';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: out,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${out}/e2e.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Vladivostok',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    serviceWorkers: 'allow',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `./node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort${dist}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
