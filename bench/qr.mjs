#!/usr/bin/env node
// QR hand-off: how many bytes and codes a mentor's changes take, how long a code takes to decode, and how long a
// week's changes take to scan — in Chromium, with the app's own code (bench/qr-page).
//
//   node bench/qr.mjs [--runs 4] [--seed 1] [--port 4392]
//
// On the synthetic school: the curator hands the first 20 pairs to a mentor's phone; the mentor logs one meeting
// (the «one meeting» delta for the curator), then the rest of a week (4 more meetings, 10 plan items ticked, 2
// questionnaires answered: the «week» delta). Each week's frame is drawn as a camera would see it (600 px) and
// decoded by qr-scanner's worker (the decoder of phones without BarcodeDetector); the baseline is the smallest code
// through the same decoder in the same run. The scan time of the week is the frames a camera at 10 frames a second
// needs with 20 % of them lost (25 random loss patterns a run), divided by 10. First run is a warm-up.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, argValue } from './lib/build.mjs';
import { openBenchPage } from './lib/benchPage.mjs';
import { median, round, summarize, table } from './lib/stats.mjs';

export async function benchQr(argv = []) {
  const runs = Number(argValue(argv, 'runs', 4));
  const seed = Number(argValue(argv, 'seed', 1));
  const port = Number(argValue(argv, 'port', 4392));
  const { page, close } = await openBenchPage({ pageDir: 'qr-page', port, seed });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate((n) => window.bench.run(n), i);
      results.push(r);
      console.log(`run ${i + 1}/${runs}${i === 0 ? ' (warm-up)' : ''}: week ${r.bytes.week} B in ${r.codes.week} codes, decode ${round(median(r.frameMs))} ms/frame`);
    }
    const counted = results.slice(1);
    const frameMs = counted.flatMap((r) => r.frameMs);
    const baseMs = counted.flatMap((r) => r.baselineMs);
    const scanS = counted.flatMap((r) => r.framesToCompleteAt20pcDrop.map((f) => f / 10));
    const first = results[0];
    const summary = {
      bytes: first.bytes,
      codes: first.codes,
      frameChars: first.frameChars,
      decodeFrameMs: summarize(frameMs),
      decodeBaselineMs: summarize(baseMs),
      ratioDecodeToBaseline: round(median(frameMs) / median(baseMs), 2),
      scanWeekSeconds: summarize(scanS, 2),
    };
    const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs: counted.length, summary, raw: results };
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/qr.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      table(
        ['measure', 'value'],
        [
          ['one meeting, changes only (gzip)', `${summary.bytes.oneMeeting} B, ${summary.codes.oneMeeting} codes`],
          ['a week of a mentor (5 meetings, 10 plan ticks, 2 answers), changes only', `${summary.bytes.week} B, ${summary.codes.week} codes`],
          ['the mentor’s whole scope (20 pairs), for comparison', `${summary.bytes.wholeScope} B, ${summary.codes.wholeScope} codes`],
          ['characters in a fountain frame', summary.frameChars],
          ['decode of one frame, median (p95)', `${summary.decodeFrameMs.median} ms (${summary.decodeFrameMs.p95})`],
          ['baseline: decode of the smallest code', `${summary.decodeBaselineMs.median} ms`],
          ['ratio frame / baseline', `${summary.ratioDecodeToBaseline}×`],
          ['scan of the week at 10 frames/s, 20 % lost: median (p95)', `${summary.scanWeekSeconds.median} s (${summary.scanWeekSeconds.p95} s) — goal ≤ 10 s`],
        ],
      ),
    );
    return report;
  } finally {
    await close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchQr(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
