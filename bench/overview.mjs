#!/usr/bin/env node
// The overview («Обзор») on the synthetic large school, in Chromium on a 360×740 phone screen.
//
//   node bench/overview.mjs [--runs 7] [--port 4324] [--dist bench/out/dist] [--seed 1]
//
// Builds the app if needed (bench/lib/build.mjs), serves it, writes the synthetic school into IndexedDB, then
// reloads «/» several times and records, from navigation start, when the main numbers appear (the overview's own
// reads: people and partners — the baseline of the same page and run) and when «Требует внимания» appears (its lazy
// chunk, then consents, pairs with their meetings, plans and items, the roadmap, conflicts, the last backup). The
// first run is a warm-up. Writes bench/out/overview.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, DEFAULT_OUT_DIR, argValue, ensureBuild } from './lib/build.mjs';
import { startPreview } from './lib/server.mjs';
import { launchChromium, phoneContext } from './lib/browser.mjs';
import { seedIndexedDb } from './lib/probes.mjs';
import { round, summarize, table } from './lib/stats.mjs';
import { generateSchool } from './generate.mjs';

/** In the page, before the app runs: the first moment each part of the overview is in the DOM. */
function overviewProbe() {
  const seen = {};
  const check = () => {
    if (seen.stats === undefined && document.querySelector('ul[aria-label="Основные числа"] strong')) seen.stats = performance.now();
    if (seen.attention === undefined && document.querySelector('#att-h')) seen.attention = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  window.__overview = seen;
}

export async function benchOverview(argv = []) {
  const runs = Number(argValue(argv, 'runs', 7));
  const port = Number(argValue(argv, 'port', 4324));
  const seed = Number(argValue(argv, 'seed', 1));
  const { dir } = ensureBuild({ outDir: argValue(argv, 'dist', DEFAULT_OUT_DIR) });
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
    const results = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto('/');
      await page.waitForFunction(() => window.__overview?.attention !== undefined && window.__overview?.stats !== undefined, null, { timeout: 60_000 });
      const r = await page.evaluate(() => ({ ...window.__overview }));
      if (i > 0) results.push(r);
    }
    const summary = {
      statsMs: summarize(results.map((r) => r.stats)),
      attentionMs: summarize(results.map((r) => r.attention)),
      ratio: summarize(results.map((r) => r.attention / r.stats), 2),
    };
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs, summary, raw: results };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/overview.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      table(
        ['from navigation start (median of ' + runs + ' reloads)', 'ms', 'p95'],
        [
          ['baseline: the main numbers painted (people, partners)', summary.statsMs.median, summary.statsMs.p95],
          ['«Требует внимания» in place (lazy chunk + its reads)', summary.attentionMs.median, summary.attentionMs.p95],
        ],
      ),
    );
    console.log(`\nratio attention / numbers: ${summary.ratio.median}×`);
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
