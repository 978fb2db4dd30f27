#!/usr/bin/env node
// A whole-school bundle «вместе с файлами материалов»: the synthetic school plus files, as a ZIP, in Chromium on real
// IndexedDB (docs/BUNDLE_FORMAT.md, 7a).
//
//   node bench/bundle-files.mjs [--runs 4] [--files 30] [--file-mb 2.5] [--seed 1] [--port 4323]
//
// Uses bench/bundle-page (the app's own src/storage/bundle code) and its window.bench.runFiles(): the school of
// bench/generate.mjs plus N materials of incompressible bytes (like PDFs and photos), then
//   baseline   a bare Dexie bulkPut of the same records and the same Blobs, in one transaction, into an empty database
//              with the app's stores and none of its code (bench/lib/bareDb.ts)
//   export     exportBundle, collectAttachments (read the Blobs, SHA-256 each), encodeBundle as ZIP, and encrypted
//   decode     decodeBundle of the ZIP (directory check, parse gate, SHA-256 of every file), and of the encrypted one
//   import     previewImport + applyImport into an empty database (records and files in one transaction)
// The first run is a warm-up. Memory: files live outside the JS heap (ArrayBuffers, Blobs), so the peak here is the
// resident memory of all Chromium processes (/proc/<pid>/status VmRSS), sampled every 50 ms, minus the same sum
// just before the run; then, after a garbage collection, the receiving phone alone (the ZIP's bytes held, decode +
// import into an empty database) is measured the same way. Writes bench/out/bundle-files.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, argValue } from './lib/build.mjs';
import { CHROMIUM_PATH } from './lib/browser.mjs';
import { openBenchPage } from './lib/benchPage.mjs';
import { round, summarize, table } from './lib/stats.mjs';

/** Resident memory of every Chromium process of this machine's user (the benchmark's browser is the only one). */
function chromiumRss() {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.startsWith(CHROMIUM_PATH) && !cmd.includes('/chromium')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export async function benchBundleFiles(argv = []) {
  const runs = Number(argValue(argv, 'runs', 4));
  const fileCount = Number(argValue(argv, 'files', 30));
  const fileBytes = Math.round(Number(argValue(argv, 'file-mb', 2.5)) * 1024 * 1024);
  const seed = Number(argValue(argv, 'seed', 1));
  const port = Number(argValue(argv, 'port', 4323));
  const { page, close } = await openBenchPage({ pageDir: 'bundle-page', outName: 'bundle-files-page', port, seed });
  try {
    const cdp = await page.context().newCDPSession(page);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const before = chromiumRss();
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, chromiumRss());
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const r = await page.evaluate(([n, c, b]) => window.bench.runFiles(n, c, b), [i, fileCount, fileBytes]);
      sampling = false;
      await sampler;
      // The receiving phone alone: after a garbage collection, only the ZIP's bytes are held; then decode + import.
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      await new Promise((r) => setTimeout(r, 500));
      const aloneBefore = chromiumRss();
      let alonePeak = aloneBefore;
      sampling = true;
      const sampler2 = (async () => {
        while (sampling) {
          alonePeak = Math.max(alonePeak, chromiumRss());
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const alone = await page.evaluate((n) => window.bench.importZipAlone(n), i);
      sampling = false;
      await sampler2;
      results.push({ ...r, rssBefore: before, rssPeakExtra: peak - before, importAloneMs: alone.ms, importAloneRssExtra: alonePeak - aloneBefore });
      console.log(
        `run ${i + 1}/${runs}${i === 0 ? ' (warm-up)' : ''}: decode+import ${Math.round(r.ms.decodeZip + r.ms.preview + r.ms.apply)} ms, bulkPut ${Math.round(r.ms.bulkPut)} ms, extra RSS ${Math.round((peak - before) / 1e6)} MB`,
      );
    }
    const counted = results.slice(1);
    const s = (f, d) => summarize(counted.map(f), d);
    const summary = {
      files: results[0].files,
      filesMB: round((fileCount * fileBytes) / 1024 / 1024, 1),
      bytes: results[0].bytes,
      ms: Object.fromEntries(Object.keys(results[0].ms).map((k) => [k, s((r) => r.ms[k])])),
      exportTotal: s((r) => r.ms.export + r.ms.collect + r.ms.encodeZip),
      importTotal: s((r) => r.ms.decodeZip + r.ms.preview + r.ms.apply),
      ratioImportToBulkPut: s((r) => (r.ms.decodeZip + r.ms.preview + r.ms.apply) / r.ms.bulkPut, 2),
      rssPeakExtraMB: s((r) => r.rssPeakExtra / 1e6),
      importAloneMs: s((r) => r.importAloneMs),
      importAloneRssExtraMB: s((r) => r.importAloneRssExtra / 1e6),
    };
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs: counted.length, summary, raw: results };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/bundle-files.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(`\n${summary.files} files, ${summary.filesMB} MB; ZIP ${round(summary.bytes.zip / 1024 / 1024, 1)} MB, encrypted ${round(summary.bytes.encrypted / 1024 / 1024, 1)} MB`);
    console.log(
      table(
        ['step (median of ' + counted.length + ' runs)', 'ms', 'p95'],
        [
          ['baseline: bare bulkPut of records + Blobs', summary.ms.bulkPut.median, summary.ms.bulkPut.p95],
          ['export (read + checksum)', summary.ms.export.median, summary.ms.export.p95],
          ['collect files (read Blobs + SHA-256)', summary.ms.collect.median, summary.ms.collect.p95],
          ['encode ZIP', summary.ms.encodeZip.median, summary.ms.encodeZip.p95],
          ['encode ZIP encrypted', summary.ms.encodeEncrypted.median, summary.ms.encodeEncrypted.p95],
          ['decode ZIP (directory, gate, SHA-256)', summary.ms.decodeZip.median, summary.ms.decodeZip.p95],
          ['decode encrypted ZIP', summary.ms.decodeEncrypted.median, summary.ms.decodeEncrypted.p95],
          ['import into empty: preview + apply', round(summary.ms.preview.median + summary.ms.apply.median), ''],
        ],
      ),
    );
    console.log(`\nratio decode+import / bare bulkPut: ${summary.ratioImportToBulkPut.median}×; peak extra RSS of Chromium over the whole run: ${summary.rssPeakExtraMB.median} MB (max ${summary.rssPeakExtraMB.max})`);
    console.log(`receiving phone alone (ZIP bytes held → decode + import): ${summary.importAloneMs.median} ms, peak extra RSS ${summary.importAloneRssExtraMB.median} MB (max ${summary.importAloneRssExtraMB.max})`);
    return report;
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchBundleFiles(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
