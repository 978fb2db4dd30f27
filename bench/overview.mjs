#!/usr/bin/env node
// The overview («Обзор») on the synthetic large school, in Chromium on a 360×740 phone screen: an offline cold start.
//
//   node bench/overview.mjs [--runs 5] [--cpu-throttle 4] [--port 4324] [--dist bench/out/dist] [--no-build] [--seed 1]
//
// Builds the app if needed (bench/lib/build.mjs), serves it, writes the synthetic school into IndexedDB, then, with
// the CPU slowed down (CDP Emulation.setCPUThrottlingRate; 4× models a budget Android phone) and the server's answers
// cut off (every request served by the app's service worker, as on a phone without a network), reloads «/» several
// times and records, from navigation start, when the main numbers appear (the overview's own reads: people and
// partners) and when «Требует внимания» appears (its lazy chunk, then consents, the pairs with their summaries, the
// roadmap, conflicts, the last backup). The floor, in the same run and page: /bench-floor.html, a page with no
// script served by the same service worker, to its first contentful paint. The first reload is a warm-up (on a
// database seeded past the app it also builds the pairs' summaries). Writes bench/out/overview.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, DEFAULT_OUT_DIR, argValue, ensureBuild } from './lib/build.mjs';
import { startPreview } from './lib/server.mjs';
import { launchChromium, phoneContext } from './lib/browser.mjs';
import { seedIndexedDb } from './lib/probes.mjs';
import { median, round, summarize, table } from './lib/stats.mjs';
import { generateSchool } from './generate.mjs';

/** In the page, before the app runs: the first moment each part of the overview is in the DOM. */
function overviewProbe() {
  const seen = {};
  const check = () => {
    // The overview's frame (its title), rendered before its data is read: the script has loaded and run by then.
    if (seen.frame === undefined && document.querySelector('main h1, h1')?.textContent === 'Обзор') seen.frame = performance.now();
    if (seen.stats === undefined && document.querySelector('ul[aria-label="Основные числа"] strong')) seen.stats = performance.now();
    if (seen.attention === undefined && document.querySelector('#att-h')) {
      seen.attention = performance.now();
      seen.attentionText = document.querySelector('#att-h')?.parentElement?.textContent ?? '';
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  window.__overview = seen;
}

export async function benchOverview(argv = []) {
  const runs = Number(argValue(argv, 'runs', 5));
  const throttle = Number(argValue(argv, 'cpu-throttle', 4));
  const port = Number(argValue(argv, 'port', 4324));
  const seed = Number(argValue(argv, 'seed', 1));
  const outDir = argValue(argv, 'dist', DEFAULT_OUT_DIR);
  const { dir } = argv.includes('--no-build') ? { dir: resolve(ROOT, outDir) } : ensureBuild({ outDir });
  const school = generateSchool(seed);
  const server = await startPreview({ outDir: dir, port });
  const browser = await launchChromium();
  try {
    const context = await phoneContext(browser, server.url);
    await context.addInitScript(overviewProbe);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/welcome$/);
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'nastavnik'));
    await page.evaluate(seedIndexedDb, { json: JSON.stringify(school.tables), dbName: 'nastavnik' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Offline: the server refuses everything from here on; the service worker answers the page's requests.
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const results = [];
    const floor = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto('/bench-floor.html');
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60_000 });
      const f = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return { fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, fromServiceWorker: (nav?.workerStart ?? 0) > 0 };
      });
      await page.goto('/');
      await page.waitForFunction(() => window.__overview?.attention !== undefined && window.__overview?.stats !== undefined, null, { timeout: 60_000 });
      const r = await page.evaluate(() => ({ ...window.__overview, fromServiceWorker: (performance.getEntriesByType('navigation')[0]?.workerStart ?? 0) > 0 }));
      if (i > 0) {
        results.push(r);
        floor.push(f);
      }
    }
    const floorMs = summarize(floor.map((f) => f.fcp));
    const summary = {
      floorMs,
      frameMs: summarize(results.filter((r) => r.frame !== undefined).map((r) => r.frame)),
      statsMs: summarize(results.map((r) => r.stats)),
      attentionMs: summarize(results.map((r) => r.attention)),
      ratio: summarize(results.map((r) => r.attention / r.stats), 2),
      statsOverFloor: round(median(results.map((r) => r.stats)) / floorMs.median, 2),
      attentionOverFloor: round(median(results.map((r) => r.attention)) / floorMs.median, 2),
      allFromServiceWorker: results.every((r) => r.fromServiceWorker) && floor.every((f) => f.fromServiceWorker),
      attentionText: results.at(-1)?.attentionText ?? '',
    };
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs, cpuThrottle: throttle, summary, raw: results, floor };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/overview.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      table(
        ['from navigation start (median of ' + runs + ' reloads, CPU ' + throttle + '×, offline)', 'ms', 'p95'],
        [
          ['floor: a blank page from the same service worker (FCP)', summary.floorMs.median, summary.floorMs.p95],
          ['the overview\'s frame (scripts loaded and run, no data yet)', summary.frameMs.median, summary.frameMs.p95],
          ['the main numbers painted (people, partners)', summary.statsMs.median, summary.statsMs.p95],
          ['«Требует внимания» in place (lazy chunk + its reads)', summary.attentionMs.median, summary.attentionMs.p95],
        ],
      ),
    );
    console.log(`\nratio attention / numbers: ${summary.ratio.median}×; numbers / floor ${summary.statsOverFloor}×, attention / floor ${summary.attentionOverFloor}×; all from the service worker: ${summary.allFromServiceWorker}`);
    console.log(`«Требует внимания»: ${summary.attentionText}`);
    return report;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchOverview(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
