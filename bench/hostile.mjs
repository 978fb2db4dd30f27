#!/usr/bin/env node
// Hostile files and the import worker (issue 14): what a bomb, a lying archive or a huge file costs the page.
//
//   node bench/hostile.mjs [--only huge,gzip-bomb (the school always)] [--runs 2] [--port 4193] [--dist bench/out/dist] [--seed 1] [--bomb-mb 1024] [--zip-mb 3072]
//
// Files, made in Node (bench/lib/hostileFiles.ts runs the app's own buildBundle/encodeBundle through Vite's module
// runner; the bombs with Node's zlib, streamed from one buffer of zeros):
//   school     baseline: the synthetic whole school as «Обмен» saves it (gzip, 36,178 records)
//   gzip-bomb  gzip of --bomb-mb MB of zeros (about 1 MB on disk)
//   zip-liar   a ZIP whose local header and directory say bundle.json is 1,000 bytes; it inflates to --zip-mb MB
//   encrypted  the gzip bomb encrypted as the app encrypts (PBKDF2 600,000 + AES-GCM), opened with its passphrase
//   huge       the school grown to ≈ 200,000 records (meetings and plan items copied under new ids): valid
// Each run of each file: a fresh 360×740 phone context, the built app installed, then offline (served by its
// service worker only); on the new phone's welcome page the file is picked (and the passphrase given). From the
// input's change event (the passphrase form's submit for the encrypted one) to the refusal's alert or the preview:
//   ms         time to the outcome (a MutationObserver in the page)
//   read ms    the part of it until the file is read and checked (the page shows «Сравниваем с данными устройства»)
//   stall      the longest main-thread task while the file is read (PerformanceObserver 'longtask'; 0 = none
//              ≥ 50 ms); for a preview, separately the longest during previewImport (main thread, as before)
//   rss        peak resident memory of Chromium's renderer processes (the page and its workers) above the moment
//              before the pick, sampled every 50 ms (/proc/<pid>/status VmRSS)
//   heap       peak JS heap of the page's main thread above the same moment (CDP Performance.getMetrics)
// For the school and the huge file, «Отмена» is then pressed on the preview and, after a garbage collection, the
// page's JS heap and renderer RSS above the start are read again. Writes bench/out/hostile.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, createDeflateRaw, createGzip } from 'node:zlib';
import { ROOT, DEFAULT_OUT_DIR, argValue, ensureBuild } from './lib/build.mjs';
import { startPreview } from './lib/server.mjs';
import { launchChromium, phoneContext } from './lib/browser.mjs';
import { round, summarize, table } from './lib/stats.mjs';
import { generateSchool } from './generate.mjs';

const MB = 1024 * 1024;
const PASSPHRASE = 'бомба в конверте';

function rendererRss() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium') || !cmd.includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** zlib over `mb` MB of zeros fed from one 1 MB buffer (little memory), collected. */
function zeroStream(stream, mb) {
  return new Promise((resolveBytes, reject) => {
    const out = [];
    stream.on('data', (c) => out.push(c));
    stream.on('end', () => resolveBytes(Buffer.concat(out)));
    stream.on('error', reject);
    const zeros = Buffer.alloc(MB);
    let left = mb;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        if (!stream.write(zeros)) return void stream.once('drain', pump);
      }
      stream.end();
    };
    pump();
  });
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** A one-entry ZIP (bundle.json, deflated) whose local header and central directory declare `declared` bytes. */
function lyingZip(deflated, declared) {
  const name = Buffer.from('bundle.json');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc32(Buffer.alloc(0)), 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // the local header's offset
  const cdAt = local.length + name.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdAt, 16);
  return Buffer.concat([local, name, deflated, central, name, end]);
}

/** Runs in the page before the app: notes the pick, the outcome, and every long task. */
function pageProbe() {
  const s = { longtasks: [], t0: null, outcomeAt: null, outcome: null, previewAt: null };
  window.__hostile = s;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.longtasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const start = (e) => {
    s.t0 = e.timeStamp;
    s.outcomeAt = null;
    s.outcome = null;
    s.previewAt = null;
  };
  document.addEventListener('change', (e) => e.target instanceof HTMLInputElement && e.target.type === 'file' && start(e), true);
  document.addEventListener('submit', start, true);
  new MutationObserver(() => {
    if (s.t0 === null || s.outcomeAt !== null) return;
    // The file is read and checked; the page now compares it with the database (previewImport, main thread).
    if (s.previewAt === null && document.querySelector('[role="status"]')?.textContent.includes('Сравниваем')) s.previewAt = performance.now();
    const alert = [...document.querySelectorAll('[role="alert"]')].find((a) => a.textContent.trim());
    const preview = [...document.querySelectorAll('h3')].find((h) => h.textContent === 'Что изменится');
    const pass = document.querySelector('input[type="password"]');
    if (alert) s.outcome = `alert: ${alert.textContent.trim().slice(0, 160)}`;
    else if (preview) s.outcome = 'preview';
    else if (pass) s.outcome = 'passphrase';
    else return;
    s.outcomeAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function heapUsed(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function runOne(browser, url, file, log) {
  const context = await phoneContext(browser, url);
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  let workers = 0;
  page.on('worker', () => (workers += 1));
  try {
    await page.goto('/');
    await page.waitForURL(/\/welcome$/);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    await page.waitForURL(/\/welcome$/);
    const fromSw = await page.evaluate(() => (performance.getEntriesByType('navigation')[0]?.workerStart ?? 0) > 0);
    await page.getByText('Школа уже ведётся на другом устройстве?').click();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(300);
    const rss0 = rendererRss();
    const heap0 = await heapUsed(cdp);
    let rssPeak = rss0;
    let heapPeak = heap0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rssPeak = Math.max(rssPeak, rendererRss());
        heapPeak = Math.max(heapPeak, await heapUsed(cdp).catch(() => 0));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await page.getByLabel('Файл обмена', { exact: true }).setInputFiles(file.path);
    if (file.passphrase) {
      await page.getByLabel('Парольная фраза файла').fill(file.passphrase);
      await page.getByRole('button', { name: 'Открыть файл' }).click();
    }
    await page.waitForFunction(() => window.__hostile.outcomeAt !== null && window.__hostile.outcome !== 'passphrase', null, { timeout: 600_000 });
    const probe = await page.evaluate(() => window.__hostile);
    sampling = false;
    await sampler;
    const ms = probe.outcomeAt - probe.t0;
    const readEnd = probe.previewAt ?? probe.outcomeAt;
    // The longest task while the file is read (up to «Сравниваем с данными устройства», or the refusal).
    const stall = Math.max(0, ...probe.longtasks.filter((t) => t.start + t.ms >= probe.t0 && t.start <= readEnd).map((t) => t.ms));
    const r = { file: file.name, outcome: probe.outcome, ms: round(ms, 0), readMs: round(readEnd - probe.t0, 0), stallMs: round(stall, 0), rssPeakMB: round((rssPeak - rss0) / 1e6, 0), heapPeakMB: round((heapPeak - heap0) / 1e6, 0), workers, fromServiceWorker: fromSw };
    if (probe.outcome === 'preview') {
      // «Отмена» on the preview, then what stays once garbage is collected.
      const before = await page.evaluate(() => window.__hostile.longtasks.length);
      const c0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Отмена' }).click();
      await page.getByRole('heading', { name: 'Что изменится' }).waitFor({ state: 'detached' });
      const cancelStall = await page.evaluate(([n, t]) => Math.max(0, ...window.__hostile.longtasks.slice(n).filter((x) => x.start + x.ms >= t).map((x) => x.ms)), [before, c0]);
      await page.waitForTimeout(500);
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(1000);
      await cdp.send('HeapProfiler.collectGarbage');
      r.afterCancelHeapMB = round((await heapUsed(cdp) - heap0) / 1e6, 0);
      r.afterCancelRssMB = round((rendererRss() - rss0) / 1e6, 0);
      r.cancelStallMs = round(cancelStall, 0);
      r.previewStallMs = round(Math.max(0, ...probe.longtasks.filter((t) => t.start + t.ms >= readEnd && t.start <= probe.outcomeAt).map((t) => t.ms)), 0);
    }
    log(`  ${file.name}: ${JSON.stringify(r)}`);
    return r;
  } finally {
    await context.close();
  }
}

export async function benchHostile(argv = []) {
  const runs = Number(argValue(argv, 'runs', 2));
  const port = Number(argValue(argv, 'port', 4193));
  const seed = Number(argValue(argv, 'seed', 1));
  const bombMb = Number(argValue(argv, 'bomb-mb', 1024));
  const zipMb = Number(argValue(argv, 'zip-mb', 3072));
  const copies = Number(argValue(argv, 'copies', 6));
  const outDir = argValue(argv, 'dist', DEFAULT_OUT_DIR);
  const log = console.log;
  const load = [loadavg()[0]];
  const { dir } = ensureBuild({ outDir, log });

  const filesDir = resolve(ROOT, 'bench/out/hostile');
  mkdirSync(filesDir, { recursive: true });
  // A Vite server's module runner, open while the files are made: the app's checksum of a file over 32 MB imports
  // @noble/hashes when it runs (runnerImport's runner is closed by then).
  const { createServer } = await import('vite');
  const vite = await createServer({ root: ROOT, configFile: false, logLevel: 'error', appType: 'custom', optimizeDeps: { noDiscovery: true }, server: { middlewareMode: true, hmr: false, ws: false } });
  const make = await vite.ssrLoadModule(resolve(ROOT, 'bench/lib/hostileFiles.ts'));
  const tables = generateSchool(seed).tables;
  const school = await make.schoolFile(tables);
  const huge = await make.schoolFile(make.grown(tables, copies));
  const bomb = await zeroStream(createGzip({ level: 9 }), bombMb);
  const deflated = await zeroStream(createDeflateRaw({ level: constants.Z_BEST_COMPRESSION }), zipMb);
  const liar = lyingZip(deflated, 1000);
  const sealed = await make.encrypted(new Uint8Array(bomb), PASSPHRASE);
  await vite.close();
  const only = argValue(argv, 'only', '');
  const files = [
    { name: 'school', bytes: school.bytes, what: `the synthetic school, ${school.records.toLocaleString('en')} records (baseline)` },
    { name: 'gzip-bomb', bytes: bomb, what: `gzip of ${bombMb} MB of zeros` },
    { name: 'zip-liar', bytes: liar, what: `ZIP: bundle.json declared 1,000 bytes, inflates to ${zipMb} MB` },
    { name: 'encrypted', bytes: sealed, what: `the gzip bomb encrypted (PBKDF2 600,000)`, passphrase: PASSPHRASE },
    { name: 'huge', bytes: huge.bytes, what: `${huge.records.toLocaleString('en')} records, valid` },
  ].map((f) => {
    const path = resolve(filesDir, `${f.name}${f.name === 'zip-liar' ? '.zip' : f.name === 'encrypted' ? '.nastavnik' : '.json.gz'}`);
    writeFileSync(path, f.bytes);
    log(`file ${f.name}: ${round(f.bytes.byteLength / MB, 2)} MB — ${f.what}`);
    return { ...f, path, sizeMB: round(f.bytes.byteLength / MB, 2), bytes: undefined };
  }).filter((f) => !only || f.name === 'school' || only.split(',').includes(f.name));

  const server = await startPreview({ outDir: dir, port });
  const browser = await launchChromium();
  const raw = [];
  try {
    for (let run = 0; run < runs; run++) {
      log(`run ${run + 1}/${runs}`);
      for (const f of files) raw.push({ run, ...(await runOne(browser, server.url, f, log)) });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  load.push(loadavg()[0]);
  const summary = Object.fromEntries(
    files.map((f) => {
      const rs = raw.filter((r) => r.file === f.name);
      const s = (k) => (rs.every((r) => r[k] !== undefined) ? summarize(rs.map((r) => r[k]), 0) : undefined);
      return [f.name, { what: f.what, sizeMB: f.sizeMB, outcome: rs[0]?.outcome, ms: s('ms'), readMs: s('readMs'), stallMs: s('stallMs'), rssPeakMB: s('rssPeakMB'), heapPeakMB: s('heapPeakMB'), afterCancelHeapMB: s('afterCancelHeapMB'), afterCancelRssMB: s('afterCancelRssMB'), previewStallMs: s('previewStallMs'), workers: rs.map((r) => r.workers) }];
    }),
  );
  const base = summary.school.ms.median;
  for (const v of Object.values(summary)) v.msOverSchool = round(v.ms.median / base, 2);
  const report = { at: new Date().toISOString(), machine: { nproc: cpus().length, node: process.version, loadavg1m: load.map((x) => round(x, 2)) }, config: { runs, bombMb, zipMb, copies, seed, buildDir: dir }, summary, raw };
  mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/out/hostile.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(
    table(
      ['file (median of ' + runs + ')', 'MB', 'outcome', 'ms', 'read ms', '× school', 'longest task reading / preview ms', 'renderer RSS +MB', 'main heap +MB', 'after «Отмена» heap / RSS +MB'],
      Object.entries(summary).map(([k, v]) => [k, v.sizeMB, (v.outcome ?? '').slice(0, 40), v.ms.median, v.readMs.median, v.msOverSchool, `${v.stallMs.median}${v.previewStallMs ? ` / ${v.previewStallMs.median}` : ''}`, v.rssPeakMB.median, v.heapPeakMB.median, v.afterCancelHeapMB ? `${v.afterCancelHeapMB.median} / ${v.afterCancelRssMB.median}` : '']),
    ),
  );
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchHostile(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
