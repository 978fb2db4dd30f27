#!/usr/bin/env node
// Opening the participants list and typing a search on 2,000 people, in Chromium on a 360×740 phone screen.
//
//   node bench/people-search.mjs [--runs 5] [--open-runs 7] [--cpu-throttle 1] [--port 4319]
//                                [--dist bench/out/dist] [--no-build] [--seed 1] [--queries "Иванов,петр,7Б,семён"]
//
// 1. Builds the app if the build is missing or older than the sources (bench/lib/build.mjs), serves it with
//    `vite preview`, opens Chromium, lets the app create its database on the first visit, writes the synthetic
//    school (bench/generate.mjs) into IndexedDB in one transaction, and reloads.
// 2. Open: a reload of /people, from navigation start to the painted frame that shows the count of 2,000
//    (served by the service worker, as an installed app is); and the in-app way, a tap on «Участники» in the
//    bottom bar from the home screen, from the click event to that frame.
// 3. Typing: each character of each query is typed separately after the page has settled; per keystroke, the
//    time from its `beforeinput` event to the painted frame that shows the character in the field (echo) and to
//    the painted frame after the list's last change (results). See bench/lib/probes.mjs for the method.
// 4. Baseline, in the same page and run: a bare loop filtering the 2,000 search strings with String.includes
//    for the same prefixes. Its time varies with the machine's speed and load as the app's does, so the ratio
//    is steadier than either figure.
// The first run of each kind is a warm-up and is not counted. Writes bench/out/people-search.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, DEFAULT_OUT_DIR, argValue, ensureBuild } from './lib/build.mjs';
import { startPreview } from './lib/server.mjs';
import { launchChromium, phoneContext } from './lib/browser.mjs';
import { includesBaseline, installKeystrokeProbe, openProbe, seedIndexedDb } from './lib/probes.mjs';
import { median, round, summarize, table } from './lib/stats.mjs';
import { generateSchool } from './generate.mjs';

export const DEFAULT_QUERIES = ['Иванов', 'петр', '7Б', 'семён'];

// The app's search rules (src/domain/text.ts normalizeText, matchesQuery; src/domain/person.ts personSearchText),
// repeated here so the benchmark knows which count each keystroke must end on. If the app changes them, a
// keystroke times out with "the page shows … expected …": change these two functions to match.
const normalize = (s) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const searchTextOf = (p) => normalize(`${[p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ')} ${p.classLabel}`);

function expectedCount(searchTexts, query) {
  const words = normalize(query).split(' ').filter(Boolean);
  return searchTexts.filter((s) => words.every((w) => s.includes(w))).length;
}

export async function benchPeopleSearch({
  runs = 5,
  openRuns = 7,
  cpuThrottle = 1,
  port = 4319,
  outDir = DEFAULT_OUT_DIR,
  noBuild = false,
  seed = 1,
  queries = DEFAULT_QUERIES,
  log = console.log,
} = {}) {
  const load = [loadavg()[0]];
  const { dir } = noBuild ? { dir: resolve(ROOT, outDir) } : ensureBuild({ outDir, log });
  const school = generateSchool(seed);
  const people = school.tables.people.filter((p) => !p.deleted);
  const total = people.length;
  const searchTexts = people.map(searchTextOf);

  const server = await startPreview({ outDir: dir, port });
  const browser = await launchChromium();
  const errors = [];
  try {
    const context = await phoneContext(browser, server.url);
    await context.addInitScript(openProbe, total);
    const page = await context.newPage();

    // Seed: the first visit makes the database (and installs the service worker); then write, then reload.
    await page.goto('/');
    await page.waitForURL(/\/welcome$/);
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'nastavnik'));
    const t0 = performance.now();
    const seeded = await page.evaluate(seedIndexedDb, { json: JSON.stringify(school.tables), dbName: 'nastavnik' });
    log(`seed: ${seeded.written} records in one transaction (${Math.round(seeded.ms)} ms in the page, ${Math.round(performance.now() - t0)} ms with the transfer)` +
      (seeded.missing.length ? `; the app has no store for ${seeded.missing.join(', ')}` : ''));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.goto('/people');
    await page.waitForFunction(() => window.__benchOpen?.paintedAt !== undefined, null, { timeout: 30_000 });

    const chromium = browser.version();
    if (cpuThrottle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }

    // ---- open the list -------------------------------------------------------------------------------------
    const open = [];
    for (let i = 0; i <= openRuns; i++) {
      await page.goto('/people');
      await page.waitForFunction(() => window.__benchOpen?.paintedAt !== undefined, null, { timeout: 30_000 });
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          listMs: window.__benchOpen.paintedAt,
          fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
          fromServiceWorker: (nav?.workerStart ?? 0) > 0,
          heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
        };
      });
      if (i > 0) open.push(r);
    }
    const inApp = [];
    for (let i = 0; i <= openRuns; i++) {
      await page.goto('/');
      await page.locator('nav a[href="/people"]').waitFor();
      await page.waitForTimeout(300); // let the home screen finish its own reads
      await page.locator('nav a[href="/people"]').click();
      await page.waitForFunction(() => window.__benchOpen?.paintedAt !== undefined, null, { timeout: 30_000 });
      const ms = await page.evaluate(() => window.__benchOpen.paintedAt - window.__benchOpen.clickAt);
      if (i > 0) inApp.push(ms);
    }

    // ---- typing -------------------------------------------------------------------------------------------
    const keystrokes = [];
    const baseline = [];
    const prefixesOf = (q) => [...q].map((_, i) => q.slice(0, i + 1));
    const allPrefixes = queries.flatMap(prefixesOf);
    for (let run = 0; run <= runs; run++) {
      await page.goto('/people');
      await page.waitForFunction(() => window.__benchOpen?.paintedAt !== undefined, null, { timeout: 30_000 });
      await page.evaluate(installKeystrokeProbe);
      const input = page.locator('#people-q');
      await input.click();
      for (const q of queries) {
        for (const prefix of prefixesOf(q)) {
          const expect = expectedCount(searchTexts, prefix);
          await page.evaluate(([v, c]) => window.__probe.arm(v, c), [prefix, expect]);
          await page.keyboard.type(prefix.at(-1));
          const r = await page.evaluate(() => window.__probe.result(150, 5000));
          if (r.error) errors.push({ run, query: q, prefix, error: r.error });
          else if (run > 0) keystrokes.push({ run, query: q, prefix, found: expect, ...r });
        }
        // Clear the field (select all, Backspace): the full list comes back.
        await page.keyboard.press('Control+A');
        await page.evaluate(([v, c]) => window.__probe.arm(v, c), ['', total]);
        await page.keyboard.press('Backspace');
        const r = await page.evaluate(() => window.__probe.result(150, 5000));
        if (r.error) errors.push({ run, query: q, prefix: '(clear)', error: r.error });
        else if (run > 0) keystrokes.push({ run, query: q, prefix: '', found: total, clear: true, ...r });
      }
      const b = await page.evaluate(includesBaseline, { names: searchTexts, queries: allPrefixes.map(normalize), minMs: 20 });
      if (run > 0) baseline.push(...b.map((x) => ({ run, ...x })));
    }
    await context.close();

    // ---- figures ------------------------------------------------------------------------------------------
    const typed = keystrokes.filter((k) => !k.clear);
    const cleared = keystrokes.filter((k) => k.clear);
    const perRunMedian = (rows, key) =>
      [...new Set(rows.map((r) => r.run))].map((run) => median(rows.filter((r) => r.run === run).map((r) => r[key])));
    const baselineMedian = median(baseline.map((b) => b.ms));
    const resultsMedian = median(typed.map((k) => k.resultsMs));
    load.push(loadavg()[0]);
    return {
      at: new Date().toISOString(),
      machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, chromium, loadavg1m: load.map((x) => round(x, 2)) },
      config: { runs, openRuns, cpuThrottle, seed, queries, people: total, viewport: '360×740', device: 'Pixel 5 (emulated)', quietMs: 150, buildDir: dir },
      seed: { records: seeded.written, inPageMs: round(seeded.ms, 0) },
      open: {
        reload: summarize(open.map((o) => o.listMs)),
        reloadFcp: summarize(open.map((o) => o.fcpMs)),
        reloadFromServiceWorker: open.every((o) => o.fromServiceWorker),
        heapMB: round(median(open.map((o) => o.heapMB)), 1),
        inApp: summarize(inApp),
        samples: { reload: open, inApp },
      },
      typing: {
        results: summarize(typed.map((k) => k.resultsMs)),
        echo: summarize(typed.map((k) => k.echoMs)),
        longestFrame: summarize(typed.map((k) => k.longestFrameMs)),
        clear: summarize(cleared.map((k) => k.resultsMs)),
        perRunMedianResults: perRunMedian(typed, 'resultsMs').map((x) => round(x, 1)),
        perQuery: Object.fromEntries(
          queries.map((q) => {
            const ks = typed.filter((k) => k.query === q);
            return [q, { ...summarize(ks.map((k) => k.resultsMs)), echoMedian: round(median(ks.map((k) => k.echoMs)), 1), foundAfterLastKey: expectedCount(searchTexts, q) }];
          }),
        ),
        perPrefix: Object.fromEntries(
          allPrefixes.map((p) => {
            const ks = typed.filter((k) => k.prefix === p);
            return [p, { found: ks[0]?.found ?? null, resultsMedian: round(median(ks.map((k) => k.resultsMs)), 1), echoMedian: round(median(ks.map((k) => k.echoMs)), 1) }];
          }),
        ),
        samples: keystrokes,
      },
      baseline: {
        what: 'names.filter(s => s.includes(prefix)) over the 2,000 normalised search strings, in the page',
        perKeystroke: summarize(baseline.map((b) => b.ms), 4),
        samples: baseline,
      },
      ratio: {
        resultsMedianOverBaselineMedian: round(resultsMedian / baselineMedian, 0),
        perRun: [...new Set(typed.map((k) => k.run))].map((run) =>
          round(median(typed.filter((k) => k.run === run).map((k) => k.resultsMs)) / median(baseline.filter((b) => b.run === run).map((b) => b.ms)), 0),
        ),
      },
      errors,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function report(r) {
  const lines = [];
  lines.push(`people search: ${r.config.people} people, ${r.config.runs} runs × ${r.typing.results.n / r.config.runs} keystrokes, CPU throttle ${r.config.cpuThrottle}×, Chromium ${r.machine.chromium}, ${r.machine.nproc} cores, load ${r.machine.loadavg1m.join(' → ')}`);
  lines.push(
    table(
      ['measure', 'median ms', 'p95 ms', 'min', 'max', 'n'],
      [
        ['open /people (reload, service worker)', r.open.reload.median, r.open.reload.p95, r.open.reload.min, r.open.reload.max, r.open.reload.n],
        ['  first contentful paint', r.open.reloadFcp.median, r.open.reloadFcp.p95, r.open.reloadFcp.min, r.open.reloadFcp.max, r.open.reloadFcp.n],
        ['open /people (tap in the bottom bar)', r.open.inApp.median, r.open.inApp.p95, r.open.inApp.min, r.open.inApp.max, r.open.inApp.n],
        ['keystroke → list re-rendered', r.typing.results.median, r.typing.results.p95, r.typing.results.min, r.typing.results.max, r.typing.results.n],
        ['keystroke → character shown', r.typing.echo.median, r.typing.echo.p95, r.typing.echo.min, r.typing.echo.max, r.typing.echo.n],
        ['  longest frame during a keystroke', r.typing.longestFrame.median, r.typing.longestFrame.p95, r.typing.longestFrame.min, r.typing.longestFrame.max, r.typing.longestFrame.n],
        ['clear the field → full list', r.typing.clear.median, r.typing.clear.p95, r.typing.clear.min, r.typing.clear.max, r.typing.clear.n],
        ['baseline: includes() over 2,000', r.baseline.perKeystroke.median, r.baseline.perKeystroke.p95, r.baseline.perKeystroke.min, r.baseline.perKeystroke.max, r.baseline.perKeystroke.n],
      ],
    ),
  );
  lines.push(
    `input echo (keystroke → the character painted in the field): median ${r.typing.echo.median} ms, p95 ${r.typing.echo.p95} (goal ≤ 16: ${r.typing.echo.median <= 16 ? 'met' : 'missed'}); ` +
      `list (keystroke → the list painted as it ends): median ${r.typing.results.median} ms, p95 ${r.typing.results.p95} (goal ≤ 33: ${r.typing.results.median <= 33 ? 'met' : 'missed'})`,
  );
  lines.push(`ratio keystroke/baseline (medians): ${r.ratio.resultsMedianOverBaselineMedian}× (per run: ${r.ratio.perRun.join(', ')}); per-run medians of keystroke → list: ${r.typing.perRunMedianResults.join(', ')} ms`);
  lines.push(
    table(
      ['prefix', 'found', 'list ms (median)', 'echo ms (median)'],
      Object.entries(r.typing.perPrefix).map(([p, x]) => [p, x.found, x.resultsMedian, x.echoMedian]),
    ),
  );
  if (r.errors.length) lines.push(`ERRORS (${r.errors.length}):\n${r.errors.slice(0, 10).map((e) => `  run ${e.run} «${e.prefix}»: ${e.error}`).join('\n')}`);
  return lines.join('\n');
}

async function main(argv) {
  const r = await benchPeopleSearch({
    runs: Number(argValue(argv, 'runs', '5')),
    openRuns: Number(argValue(argv, 'open-runs', '7')),
    cpuThrottle: Number(argValue(argv, 'cpu-throttle', '1')),
    port: Number(argValue(argv, 'port', '4319')),
    outDir: argValue(argv, 'dist', DEFAULT_OUT_DIR),
    noBuild: argv.includes('--no-build'),
    seed: Number(argValue(argv, 'seed', '1')),
    queries: argValue(argv, 'queries', DEFAULT_QUERIES.join(',')).split(',').filter(Boolean),
  });
  console.log(report(r));
  const name = r.config.cpuThrottle > 1 ? `people-search-x${r.config.cpuThrottle}.json` : 'people-search.json';
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/out', name), `${JSON.stringify(r, null, 2)}\n`);
  if (r.errors.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
