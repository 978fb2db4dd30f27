#!/usr/bin/env node
// The JavaScript each first screen really loads, in Chromium: what the page requests, not what index.html names.
//
//   node bench/first-screen.mjs [--dist bench/out/dist] [--no-build] [--port 4325] [--seed 1] [--budget 150000]
//
// Three screens, each in a fresh 360×740 phone context: the wizard of a new phone (/welcome, empty database), the
// overview of the curator's device with the synthetic school in IndexedDB (numbers and «Требует внимания»), and the
// home of a mentor's phone (the same data, the device's role set to a mentor of 20 pairs). For each, every script
// response the page receives from navigation start until the screen is in place and no script has been requested
// for 1.5 s, served by the service worker where it controls the page (the overview and the mentor's home: a
// reload, as an installed app starts). Sizes: each response body gzipped at level 9 (as bench/bundle-size.mjs).
// Exits 1 when a screen is over the budget (150 KB = 150,000 bytes of gzip). Writes bench/out/first-screen.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ROOT, DEFAULT_OUT_DIR, argValue, ensureBuild } from './lib/build.mjs';
import { startPreview } from './lib/server.mjs';
import { launchChromium, phoneContext } from './lib/browser.mjs';
import { seedIndexedDb } from './lib/probes.mjs';
import { table } from './lib/stats.mjs';
import { generateSchool } from './generate.mjs';

const QUIET_MS = 1500;

/** Records the page's script responses; `settle(selector)` waits for the screen, then for 1.5 s with no new script. */
function recorder(page) {
  const scripts = new Map();
  let lastAt = Date.now();
  page.on('response', async (res) => {
    const req = res.request();
    if (req.resourceType() !== 'script') return;
    lastAt = Date.now();
    const url = new URL(res.url()).pathname;
    try {
      const body = await res.body();
      scripts.set(url, { url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, fromServiceWorker: res.fromServiceWorker() });
    } catch {
      scripts.set(url, { url, raw: 0, gzip: 0, fromServiceWorker: res.fromServiceWorker(), unread: true });
    }
  });
  return {
    reset() {
      scripts.clear();
      lastAt = Date.now();
    },
    async settle(selector) {
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      while (Date.now() - lastAt < QUIET_MS) await page.waitForTimeout(200);
      const list = [...scripts.values()].sort((a, b) => b.gzip - a.gzip);
      return { scripts: list, gzip: list.reduce((s, x) => s + x.gzip, 0), raw: list.reduce((s, x) => s + x.raw, 0) };
    },
  };
}

async function seeded(browser, url, school, meta = []) {
  const context = await phoneContext(browser, url);
  const page = await context.newPage();
  const rec = recorder(page);
  await page.goto('/');
  await page.waitForURL(/\/welcome$/);
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'nastavnik'));
  await page.evaluate(seedIndexedDb, { json: JSON.stringify({ ...school.tables, meta }), dbName: 'nastavnik' });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return { context, page, rec };
}

export async function benchFirstScreen(argv = []) {
  const port = Number(argValue(argv, 'port', 4325));
  const seed = Number(argValue(argv, 'seed', 1));
  const budget = Number(argValue(argv, 'budget', 150_000));
  const outDir = argValue(argv, 'dist', DEFAULT_OUT_DIR);
  const { dir } = argv.includes('--no-build') ? { dir: resolve(ROOT, outDir) } : ensureBuild({ outDir });
  const school = generateSchool(seed);
  const server = await startPreview({ outDir: dir, port });
  const browser = await launchChromium();
  const screens = {};
  try {
    {
      // A new phone: the first visit ever (no service worker yet), the wizard.
      const context = await phoneContext(browser, server.url);
      const page = await context.newPage();
      const rec = recorder(page);
      await page.goto('/');
      await page.waitForURL(/\/welcome$/);
      screens.wizard = await rec.settle('form');
      await context.close();
    }
    {
      const { context, page, rec } = await seeded(browser, server.url, school);
      await page.goto('/');
      await page.locator('#att-h').waitFor({ timeout: 60_000 }); // the warm-up start builds the pairs' summaries
      rec.reset();
      await page.reload();
      screens.overview = await rec.settle('#att-h');
      await context.close();
    }
    {
      const pairs = school.tables.mentorships.filter((m) => !m.deleted);
      const me = pairs[0].mentorIds[0];
      const ids = pairs.filter((m) => m.mentorIds.includes(me)).map((m) => m.id);
      const role = { kind: 'mentor', mentorshipIds: ids.length ? ids : [pairs[0].id], curatorDeviceId: 'bench-curator', curatorDeviceName: 'Куратор' };
      const { context, page, rec } = await seeded(browser, server.url, school, [
        { key: 'deviceRole', value: role },
        { key: 'me', value: me },
      ]);
      rec.reset();
      await page.goto('/');
      screens.mentorHome = await rec.settle('ul[aria-label="Мои пары и группы"], .empty-state');
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const kb = (n) => (n / 1000).toFixed(1);
  for (const [name, s] of Object.entries(screens)) {
    console.log(`\n${name}: ${s.scripts.length} scripts, ${kb(s.gzip)} kB gzip (${kb(s.raw)} kB raw)`);
    console.log(table(['script', 'gzip kB', 'raw kB', 'service worker'], s.scripts.map((x) => [x.url, kb(x.gzip), kb(x.raw), x.fromServiceWorker ? 'yes' : 'no'])));
  }
  console.log('');
  console.log(table(['first screen', 'JS gzip kB', 'budget kB', 'within'], Object.entries(screens).map(([n, s]) => [n, kb(s.gzip), kb(budget), s.gzip <= budget ? 'yes' : 'NO'])));
  const report = { at: new Date().toISOString(), budgetBytes: budget, gzipLevel: 9, quietMs: QUIET_MS, screens };
  mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/out/first-screen.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (Object.values(screens).some((s) => s.gzip > budget)) process.exitCode = 1;
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchFirstScreen(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
