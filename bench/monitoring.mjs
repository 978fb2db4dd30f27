#!/usr/bin/env node
// The dashboard and the report on the synthetic large school, in Chromium.
//
//   node bench/monitoring.mjs [--runs 7] [--seed 1] [--port 4322]
//
// Builds bench/monitoring-page (src/domain/monitoring.ts, src/domain/monitoringSnapshot.ts and the report's XLSX
// writer, exactly as the screens call them) into bench/out/monitoring-page, serves it with the school as
// /school.json, and times, per run after a warm-up: a bare pass over the records the indicators read (baseline),
// computeIndicators (all indicators), monitoringSnapshot (everything the dashboard and report show) and the XLSX
// report (buildReport + write-excel-file). Goals: indicators < 100 ms median, XLSX < 3 s. Writes
// bench/out/monitoring.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { ROOT, argValue } from './lib/build.mjs';
import { openBenchPage } from './lib/benchPage.mjs';
import { round, table } from './lib/stats.mjs';

export async function benchMonitoring(argv = []) {
  const runs = Number(argValue(argv, 'runs', 7));
  const seed = Number(argValue(argv, 'seed', 1));
  const port = Number(argValue(argv, 'port', 4322));
  const { page, close } = await openBenchPage({ pageDir: 'monitoring-page', port, seed });
  try {
    const r = await page.evaluate((n) => window.bench.run(n), runs);
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs, ...r };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/monitoring.json'), `${JSON.stringify(report, null, 2)}\n`);
    const m = r.median;
    console.log(`${r.records.toLocaleString('en')} records; median of ${runs} runs after a warm-up`);
    console.log(
      table(
        ['step', 'median ms', '× baseline'],
        [
          ['baseline: a bare pass over the records the indicators read', round(m.baseline, 2), 1],
          ['computeIndicators (all indicators)', round(m.indicators, 1), round(m.indicators / m.baseline, 0)],
          ['monitoringSnapshot (dashboard + report rows)', round(m.snapshot, 1), round(m.snapshot / m.baseline, 0)],
          ['XLSX report (buildReport + write-excel-file)', round(m.xlsx, 0), round(m.xlsx / m.baseline, 0)],
        ],
      ),
    );
    console.log(`XLSX size ${round(r.xlsxBytes / 1024, 0)} KB; goals: indicators < 100 ms (${m.indicators < 100 ? 'met' : 'missed'}), XLSX < 3 s (${m.xlsx < 3000 ? 'met' : 'missed'})`);
    return report;
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchMonitoring(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
