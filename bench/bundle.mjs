#!/usr/bin/env node
// Export, file sizes, and import-and-merge of the synthetic large school's bundle, in Chromium on real IndexedDB.
//
//   node bench/bundle.mjs [--runs 4] [--seed 1] [--port 4321]
//
// Builds bench/bundle-page (the app's own src/storage/bundle code, no UI) with Vite into bench/out/bundle-page,
// writes the synthetic school (bench/generate.mjs) beside it as /school.json, serves both, and runs the page's
// window.bench.run() once per run, each on fresh databases:
//   baseline   a bare Dexie bulkPut of the same records, per table, in one transaction, into an empty database with
//              the app's stores and none of its code (bench/lib/bareDb.ts: no write-path middleware validating each
//              record); the same bulkPut into a NastavnikDb, through the write path, is reported beside it
//   export     exportBundle (one read transaction + checksum) and encodeBundle: plain JSON, gzip, encrypted
//   decode     decodeBundle of the gzip file (unpack, parse gate: limits, schemas, checksum) and of the encrypted one
//   import     previewImport + applyImport into an empty database, and into the database holding the same data
// The first run is a warm-up and is not counted. Peak memory: the page's JS heap (CDP Performance.getMetrics,
// JSHeapUsedSize) sampled every 50 ms through the whole run. Writes bench/out/bundle.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, argValue } from './lib/build.mjs';
import { openBenchPage } from './lib/benchPage.mjs';
import { round, summarize, table } from './lib/stats.mjs';

export async function benchBundle(argv = []) {
  const runs = Number(argValue(argv, 'runs', 4));
  const seed = Number(argValue(argv, 'seed', 1));
  const port = Number(argValue(argv, 'port', 4321));
  const { page, close } = await openBenchPage({ pageDir: 'bundle-page', port, seed });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const results = [];
    for (let i = 0; i < runs; i++) {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      let peak = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          peak = Math.max(peak, used);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const r = await page.evaluate((n) => window.bench.run(n), i);
      sampling = false;
      await sampler;
      results.push({ ...r, peakHeapBytes: peak });
      console.log(`run ${i + 1}/${runs}${i === 0 ? ' (warm-up)' : ''}: import into empty ${Math.round(r.ms.previewEmpty + r.ms.applyEmpty)} ms, bulkPut ${Math.round(r.ms.bulkPut)} ms, heap peak ${Math.round(peak / 1e6)} MB`);
    }
    const counted = results.slice(1);
    const s = (f) => summarize(counted.map(f));
    const mergeEmpty = counted.map((r) => r.ms.previewEmpty + r.ms.applyEmpty);
    const summary = {
      records: results[0].records,
      bytes: results[0].bytes,
      ms: Object.fromEntries(Object.keys(results[0].ms).map((k) => [k, s((r) => r.ms[k])])),
      importEmpty: summarize(mergeEmpty),
      importEmptyWithDecode: s((r) => r.ms.decodeGzip + r.ms.previewEmpty + r.ms.applyEmpty),
      importSame: s((r) => r.ms.previewSame + r.ms.applySame),
      ratioImportEmptyToBulkPut: summarize(counted.map((r) => (r.ms.previewEmpty + r.ms.applyEmpty) / r.ms.bulkPut), 2),
      ratioImportEmptyWithDecodeToBulkPut: summarize(counted.map((r) => (r.ms.decodeGzip + r.ms.previewEmpty + r.ms.applyEmpty) / r.ms.bulkPut), 2),
      ratioImportSameToBulkPut: summarize(counted.map((r) => (r.ms.previewSame + r.ms.applySame) / r.ms.bulkPut), 2),
      peakHeapMB: summarize(counted.map((r) => r.peakHeapBytes / 1e6)),
      outcomes: results[0].outcomes,
    };
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs: counted.length, summary, raw: results };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/bundle.json'), `${JSON.stringify(report, null, 2)}\n`);

    const kb = (b) => `${round(b / 1024, 0)} KB`;
    console.log(`\n${summary.records.toLocaleString('en')} records; sizes: plain ${kb(summary.bytes.plain)}, gzip ${kb(summary.bytes.gzip)}, encrypted ${kb(summary.bytes.encrypted)}`);
    console.log(
      table(
        ['step (median of ' + counted.length + ' runs)', 'ms', 'p95'],
        [
          ['baseline: bare bulkPut into an empty db', summary.ms.bulkPut.median, summary.ms.bulkPut.p95],
          ['the same bulkPut through the write path (validates every record)', summary.ms.bulkPutWritePath.median, summary.ms.bulkPutWritePath.p95],
          ['export (read + checksum)', summary.ms.export.median, summary.ms.export.p95],
          ['encode plain JSON', summary.ms.encodePlain.median, summary.ms.encodePlain.p95],
          ['encode gzip', summary.ms.encodeGzip.median, summary.ms.encodeGzip.p95],
          ['encode encrypted (PBKDF2 600k + AES-GCM)', summary.ms.encodeEncrypted.median, summary.ms.encodeEncrypted.p95],
          ['decode gzip (unpack + parse gate)', summary.ms.decodeGzip.median, summary.ms.decodeGzip.p95],
          ['decode encrypted', summary.ms.decodeEncrypted.median, summary.ms.decodeEncrypted.p95],
          ['import into empty: preview + apply', summary.importEmpty.median, summary.importEmpty.p95],
          ['import into same data: preview + apply', summary.importSame.median, summary.importSame.p95],
        ],
      ),
    );
    console.log(
      `\nratio import/bulkPut: empty ${summary.ratioImportEmptyToBulkPut.median}× (with decode ${summary.ratioImportEmptyWithDecodeToBulkPut.median}×), same data ${summary.ratioImportSameToBulkPut.median}× — goal ≤ 3×`,
    );
    console.log(`peak JS heap: ${summary.peakHeapMB.median} MB (max ${summary.peakHeapMB.max}) — goal < 300 MB`);
    return report;
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchBundle(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
