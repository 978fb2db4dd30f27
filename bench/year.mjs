#!/usr/bin/env node
// A school year of real use of the field-level merge (issue 9): the synthetic school on the curator's phone and
// 20 mentors' phones, editing the same pairs every week and exchanging files every Saturday.
//
//   node bench/year.mjs [--weeks 36] [--mentors 20] [--week 20] [--runs 6] [--seed 1] [--port 4391]
//                       [--same-field 0.02] [--curator-edits 6] [--no-browser]
//
// 1. The year, in Node with the app's own domain and codec code (bench/lib/yearSimulation.ts, loaded through Vite's
//    module runner): per week, each mentor's phone logs meetings, moves plan items, adds to the notes of earlier
//    meetings and answers questionnaires in its ~20 pairs, while the curator's phone renames plan items, moves their
//    deadlines, corrects dates and places of meetings and edits pairs' titles and goals in the same pairs — a stated
//    share of the curator's edits (--same-field, 2 %) writing the very field a mentor changed that week (an item's
//    status, a meeting's notes) to another value. On Saturday every mentor saves its file for the curator
//    («только новое»: exportBundle's changesFor, selectDelta), the curator imports the 20 files, then saves each
//    mentor its changes and the mentor imports them. On Monday the curator settles the conflicts the imports found.
//    Reported per week: records whose values a person must settle on the curator's phone (conflictingValues), by
//    table, beside the records edited on both sides on different fields (which must merge with none), and the size
//    and record count of each mentor's file — changes only, and the whole scope of the same moment.
// 2. The imports of one Saturday (--week), in Chromium on real IndexedDB (bench/year-page): the curator's database
//    as it stood (records, kept values, clock, peers), the mentors' files one after another (decodeBundle +
//    previewImport + applyImport, as «Обмен» does them) — the 20 changes-only files, and half of the 20 whole-scope
//    files per run, alternating — and one mentor's phone importing the curator's file back. Baseline in the same
//    run, per file: a bare bulkPut of the file's records into a database with the same stores and none of the app's
//    code (bench/lib/bareDb.ts) holding the same data. The first run is a warm-up. Goal: import ≤ 2× the bulkPut.
//    For changes-only files the fixed parts of an import are also timed alone (transactions, kept values, peers).
// Writes bench/out/year.json.

import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, argValue } from './lib/build.mjs';
import { openBenchPage } from './lib/benchPage.mjs';
import { streamFor } from './lib/random.mjs';
import { median, quantile, round, summarize, table } from './lib/stats.mjs';
import * as W from './lib/words.mjs';
import { generateSchool } from './generate.mjs';

const OPEN_ANSWERS = ['Всё устраивает', 'Чаще встречаться', 'Больше практических заданий', 'Интересно работать над проектом'];

export async function benchYear(argv = []) {
  const began = performance.now();
  const num = (name, fallback) => Number(argValue(argv, name, fallback));
  const seed = num('seed', 1);
  const runs = num('runs', 6);
  const port = num('port', 4391);
  const options = {
    weeks: num('weeks', 36),
    mentors: num('mentors', 20),
    firstMonday: '2026-09-07',
    pMeeting: 0.5,
    pStatus: 0.5,
    pNotes: 0.15,
    pResponse: 0.04,
    pAnswers: 0.04,
    curatorEdits: num('curator-edits', 6),
    pSameField: num('same-field', 0.02),
    pSameRecord: 0.4,
    measureWeek: num('week', 20),
    measureMentor: 0,
  };
  options.measureWeek = Math.min(options.measureWeek, options.weeks);

  // ---- 1. the year ---------------------------------------------------------------------------------------------
  const school = generateSchool(seed);
  const { runnerImport } = await import('vite');
  const { module: sim } = await runnerImport(resolve(ROOT, 'bench/lib/yearSimulation.ts'), { root: ROOT, configFile: false, logLevel: 'error' });
  const t0 = performance.now();
  const year = await sim.simulateYear({
    tables: school.tables,
    curatorDeviceId: school.deviceId,
    rng: (label) => streamFor(seed, label),
    words: {
      notes: W.MEETING_NOTES.work.filter(Boolean),
      places: W.MEETING_PLACES,
      itemTitles: W.PLAN_ITEM_TITLES,
      goals: W.MENTORSHIP_GOALS,
      groupNames: W.GROUP_NAMES,
      nextSteps: W.NEXT_STEPS,
      itemResults: W.ITEM_RESULTS,
      openAnswers: OPEN_ANSWERS,
    },
    options,
    log: (line) => console.log(line),
  });
  const simMs = performance.now() - t0;
  if (!year.converged) throw new Error(`the devices did not converge: ${year.divergent.join('; ')}`);
  const weeks = year.weeks;
  const sum = (f) => weeks.reduce((n, w) => n + f(w), 0);
  const editsOf = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  const tablesInConflict = [...new Set(weeks.flatMap((w) => Object.keys(w.conflicts)))];
  const byTable = Object.fromEntries(tablesInConflict.map((t) => [t, sum((w) => w.conflicts[t] ?? 0)]));
  const kb = (b) => round(b / 1024, 0);
  const dist = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs), min: Math.min(...xs) });
  /** Sizes and record counts of files: «только новое» (what was exchanged) and the whole scope of the same moment. */
  const fileStats = (list) => {
    const steady = list.filter((f) => f.week >= 2);
    const whole = list.filter((f) => f.wholeBytes !== null);
    return {
      changes: { bytes: dist(list.map((f) => f.bytes)), records: dist(list.map((f) => f.records)), kept: dist(list.map((f) => f.kept)) },
      /** From week 2 on: in week 1 the curator's files back carry the whole scope (it knows nothing of the phones yet). */
      changesFromWeek2: { bytes: dist(steady.map((f) => f.bytes)), records: dist(steady.map((f) => f.records)) },
      whole: { files: whole.length, bytes: dist(whole.map((f) => f.wholeBytes)), records: dist(whole.map((f) => f.wholeRecords)), kept: dist(whole.map((f) => f.wholeKept)) },
      byWeek: Object.fromEntries(
        [...new Set(list.map((f) => f.week))].map((wk) => {
          const of = list.filter((f) => f.week === wk);
          const ofWhole = of.filter((f) => f.wholeBytes !== null);
          return [
            wk,
            {
              bytes: median(of.map((f) => f.bytes)),
              records: median(of.map((f) => f.records)),
              wholeBytes: ofWhole.length ? median(ofWhole.map((f) => f.wholeBytes)) : null,
              wholeRecords: ofWhole.length ? median(ofWhole.map((f) => f.wholeRecords)) : null,
            },
          ];
        }),
      ),
    };
  };
  const simulation = {
    options,
    devices: year.devices,
    simSeconds: round(simMs / 1000, 1),
    totals: {
      mentorEdits: sum((w) => editsOf(w.edits.mentor)),
      mentorEditsByKind: Object.fromEntries(Object.keys(weeks[0].edits.mentor).map((k) => [k, sum((w) => w.edits.mentor[k])])),
      curatorEdits: sum((w) => editsOf(w.edits.curator)),
      curatorEditsByKind: Object.fromEntries(Object.keys(weeks[0].edits.curator).map((k) => [k, sum((w) => w.edits.curator[k])])),
      resolutions: sum((w) => w.edits.resolutions),
      bothSidesSameField: sum((w) => w.bothSides.sameField),
      bothSidesSameFieldInConflict: sum((w) => w.bothSides.sameFieldInConflict),
      bothSidesSameFieldByResolution: sum((w) => w.bothSides.sameFieldByResolution),
      bothSidesDifferentFields: sum((w) => w.bothSides.differentFields),
      bothSidesDifferentFieldsInConflict: sum((w) => w.bothSides.differentFieldsInConflict),
      conflictRecords: sum((w) => w.conflictRecords),
      conflictRecordsByTable: byTable,
      curatorRecordsAtEnd: weeks.at(-1).curatorRecords,
      keptValuesMax: Math.max(...weeks.map((w) => w.keptValues)),
      keptValuesAtEnd: weeks.at(-1).keptValues,
    },
    perWeek: {
      conflictRecords: summarize(weeks.map((w) => w.conflictRecords), 1),
      bothSidesDifferentFields: summarize(weeks.map((w) => w.bothSides.differentFields), 1),
      mentorEdits: summarize(weeks.map((w) => editsOf(w.edits.mentor)), 0),
      curatorEdits: summarize(weeks.map((w) => editsOf(w.edits.curator)), 0),
    },
    mentorFiles: fileStats(year.mentorFiles),
    returnFiles: fileStats(year.returnFiles),
    converged: year.converged,
  };

  console.log(`\nthe year: ${options.weeks} weeks, 1 curator + ${options.mentors} mentors' phones, simulated in ${simulation.simSeconds} s; all phones converged: ${year.converged}`);
  console.log(
    table(
      ['week', 'Monday', 'mentor edits', 'curator edits', 'both sides: same field', 'different fields', 'conflicts (need a person)', 'kept values', 'file KB: whole / changes', 'records: whole / changes'],
      weeks.map((w) => [
        w.week,
        w.monday,
        editsOf(w.edits.mentor),
        editsOf(w.edits.curator) + w.edits.resolutions,
        w.bothSides.sameField,
        w.bothSides.differentFields,
        `${w.conflictRecords}${w.conflictRecords ? ` (${Object.entries(w.conflicts).map(([t, n]) => `${t} ${n}`).join(', ')})` : ''}`,
        w.keptValues,
        `${kb(simulation.mentorFiles.byWeek[w.week].wholeBytes)} / ${round(simulation.mentorFiles.byWeek[w.week].bytes / 1024, 1)}`,
        `${simulation.mentorFiles.byWeek[w.week].wholeRecords} / ${simulation.mentorFiles.byWeek[w.week].records}`,
      ]),
    ),
  );
  const t = simulation.totals;
  console.log(
    `\ntotals: mentors ${t.mentorEdits} edits, curator ${t.curatorEdits} edits + ${t.resolutions} resolutions; records edited on both sides: ${t.bothSidesSameField} on the same field (${t.bothSidesSameFieldInConflict} in conflict; ${t.bothSidesSameFieldByResolution} of them a Monday resolution crossing a mentor's new edit), ${t.bothSidesDifferentFields} on different fields (${t.bothSidesDifferentFieldsInConflict} in conflict)`,
  );
  console.log(`conflicts that needed a person: ${t.conflictRecords} records in ${options.weeks} weeks (${Object.entries(byTable).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), per week median ${simulation.perWeek.conflictRecords.median}, max ${simulation.perWeek.conflictRecords.max}`);
  const fileLine = (who, f) =>
    `${who}: whole scope (${f.whole.files} files) median ${kb(f.whole.bytes.median)} KB (p95 ${kb(f.whole.bytes.p95)}, max ${kb(f.whole.bytes.max)}), ${f.whole.records.median} records (p95 ${f.whole.records.p95}, max ${f.whole.records.max}); ` +
    `changes only median ${round(f.changes.bytes.median / 1024, 1)} KB (p95 ${round(f.changes.bytes.p95 / 1024, 1)}, max ${round(f.changes.bytes.max / 1024, 1)}), ${f.changes.records.median} records (p95 ${f.changes.records.p95}, max ${f.changes.records.max}); from week 2: median ${round(f.changesFromWeek2.bytes.median / 1024, 1)} KB, p95 ${round(f.changesFromWeek2.bytes.p95 / 1024, 1)}, max ${round(f.changesFromWeek2.bytes.max / 1024, 1)} KB, records ${f.changesFromWeek2.records.median} / ${f.changesFromWeek2.records.p95} / ${f.changesFromWeek2.records.max}`;
  console.log(fileLine(`mentor's weekly file (gzip, ${year.mentorFiles.length} files)`, simulation.mentorFiles));
  console.log(fileLine(`curator's file back to a mentor (whole scope encoded in week ${options.measureWeek} only)`, simulation.returnFiles));

  const report = { at: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, simulation, weeks, imports: null };
  const write = () => {
    mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(resolve(ROOT, 'bench/out/year.json'), `${JSON.stringify(report, null, 2)}\n`);
  };
  if (argv.includes('--no-browser') || !year.measured) {
    write();
    return report;
  }

  // ---- 2. one Saturday's imports in Chromium -------------------------------------------------------------------
  const m = year.measured;
  const pad = (k) => String(k + 1).padStart(2, '0');
  const files = {
    'year.json': JSON.stringify({
      week: m.week,
      curator: 'curator.json',
      mentorFiles: { changes: m.mentorFiles.map((_, k) => `changes-${pad(k)}.json.gz`), whole: m.mentorWholeFiles.map((_, k) => `whole-${pad(k)}.json.gz`) },
      mentor: { index: m.mentor, snapshot: 'mentor.json', returnFile: { changes: 'return-changes.json.gz', whole: 'return-whole.json.gz' } },
    }),
    'curator.json': JSON.stringify(m.curator),
    'mentor.json': JSON.stringify(m.mentorBefore),
    'return-changes.json.gz': m.returnFile,
    'return-whole.json.gz': m.returnWholeFile,
    ...Object.fromEntries(m.mentorFiles.map((b, k) => [`changes-${pad(k)}.json.gz`, b])),
    ...Object.fromEntries(m.mentorWholeFiles.map((b, k) => [`whole-${pad(k)}.json.gz`, b])),
  };
  const imp = (f) => f.decode + f.preview + f.apply;
  const { page, close } = await openBenchPage({ pageDir: 'year-page', port, seed, files, withSchool: false });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const runStart = performance.now();
      // The whole-scope files: half of the Saturday's per run, alternating (all of them over two runs); 4 in the warm-up.
      const n = m.mentorWholeFiles.length;
      const half = Math.ceil(n / 2);
      const whole = i === 0 ? [0, 1, 2, 3].filter((k) => k < n) : Array.from({ length: n }, (_, k) => k).filter((k) => (i % 2 ? k < half : k >= half));
      const r = await page.evaluate(([no, picked]) => window.bench.run(no, picked), [i, whole]);
      results.push(r);
      const runSeconds = round((performance.now() - runStart) / 1000, 0);
      const line = (kind) =>
        `${kind}: curator ${Math.round(median(r.curator[kind].map(imp)))} ms vs bulkPut ${round(median(r.curator[kind].map((f) => f.bulkPut)), 1)} ms, mentor ${Math.round(imp(r.mentor[kind]))} vs ${round(r.mentor[kind].bulkPut, 1)} ms`;
      console.log(`run ${i + 1}/${runs}${i === 0 ? ' (warm-up)' : ''} (${runSeconds} s, setup ${round(r.setupMs / 1000, 1)} s ${JSON.stringify(Object.fromEntries(Object.entries(r.setup).map(([k, v]) => [k, Math.round(v)])))}): medians per file — ${line('whole')}; ${line('changes')}`);
    }
    await page.evaluate(() => window.bench.done());
  } finally {
    await close();
  }
  const counted = results.slice(1);
  const s = (list, f, d = 1) => summarize(list.map(f), d);
  const ofKind = (kind) => {
    const all = counted.flatMap((r) => r.curator[kind]);
    const mentor = counted.map((r) => r.mentor[kind]);
    return {
      curator: {
        files: new Set(all.map((f) => f.file)).size,
        samples: all.length,
        perRun: median(counted.map((r) => r.curator[kind].length)),
        records: s(all, (f) => f.records, 0),
        kept: s(all, (f) => f.kept, 0),
        outcomes: Object.fromEntries(all.map((f) => [f.file, f.outcomes])),
        decode: s(all, (f) => f.decode),
        preview: s(all, (f) => f.preview),
        apply: s(all, (f) => f.apply),
        import: s(all, imp),
        bulkPut: s(all, (f) => f.bulkPut),
        bulkPutEmpty: kind === 'whole' ? s(all.filter((f) => f.bulkPutEmpty !== null), (f) => f.bulkPutEmpty) : null,
        ratio: s(all, (f) => imp(f) / f.bulkPut, 2),
        ratioWithoutDecode: s(all, (f) => (f.preview + f.apply) / f.bulkPut, 2),
        ratioApplyOnly: s(all, (f) => f.apply / f.bulkPut, 2),
        ratioToEmpty: kind === 'whole' ? s(all.filter((f) => f.bulkPutEmpty !== null), (f) => imp(f) / f.bulkPutEmpty, 2) : null,
        probes: kind === 'changes' ? Object.fromEntries(Object.keys(all[0].probes).map((k) => [k, s(all, (f) => f.probes[k])])) : null,
        /** A run's files one after another (as the curator's Saturday): the sum of the imports over the sum of the bulkPuts. */
        saturdayImportMs: s(counted, (r) => r.curator[kind].reduce((n, f) => n + imp(f), 0), 0),
        saturdayBulkPutMs: s(counted, (r) => r.curator[kind].reduce((n, f) => n + f.bulkPut, 0), 0),
        saturdayRatio: s(counted, (r) => r.curator[kind].reduce((n, f) => n + imp(f), 0) / r.curator[kind].reduce((n, f) => n + f.bulkPut, 0), 2),
      },
      mentor: {
        records: counted[0].mentor[kind].records,
        outcomes: counted[0].mentor[kind].outcomes,
        decode: s(mentor, (f) => f.decode),
        preview: s(mentor, (f) => f.preview),
        apply: s(mentor, (f) => f.apply),
        import: s(mentor, imp),
        bulkPut: s(mentor, (f) => f.bulkPut),
        ratio: s(mentor, (f) => imp(f) / f.bulkPut, 2),
        probes: kind === 'changes' ? Object.fromEntries(Object.keys(mentor[0].probes).map((k) => [k, s(mentor, (f) => f.probes[k])])) : null,
      },
    };
  };
  const imports = {
    week: m.week,
    runs: counted.length,
    curatorRecords: counted[0].curatorRecords,
    curatorKept: counted[0].curatorKept,
    mentorRecords: counted[0].mentorRecords,
    whole: ofKind('whole'),
    changes: ofKind('changes'),
  };
  report.imports = { ...imports, raw: results };
  write();

  console.log(
    `\nweek ${m.week}'s Saturday: the curator's database holds ${imports.curatorRecords.toLocaleString('en')} records and ${imports.curatorKept} kept values; ${counted.length} runs after a warm-up, ` +
      `each importing ${imports.changes.curator.perRun} changes-only files and ${imports.whole.curator.perRun} whole-scope ones (all ${imports.whole.curator.files} over the runs): medians of ${imports.changes.curator.samples} and ${imports.whole.curator.samples} imports`,
  );
  const w = imports.whole.curator;
  const c = imports.changes.curator;
  console.log(
    table(
      ['the curator imports a mentor\'s file', 'whole scope', 'changes only'],
      [
        ['records in the file (median)', w.records.median, c.records.median],
        ["baseline: bare bulkPut of the file's records, ms", w.bulkPut.median, c.bulkPut.median],
        ['decode (gunzip + parse gate), ms', w.decode.median, c.decode.median],
        ['previewImport, ms', w.preview.median, c.preview.median],
        ['applyImport, ms', w.apply.median, c.apply.median],
        ['import = decode + preview + apply, ms', w.import.median, c.import.median],
        ['import ÷ bulkPut (median per file)', `${w.ratio.median}×`, `${c.ratio.median}×`],
        ['  without the decode / apply alone', `${w.ratioWithoutDecode.median}× / ${w.ratioApplyOnly.median}×`, `${c.ratioWithoutDecode.median}× / ${c.ratioApplyOnly.median}×`],
        [`a run's files in a row: Σ imports ÷ Σ bulkPuts (${w.perRun} / ${c.perRun} files)`, `${w.saturdayRatio.median}×`, `${c.saturdayRatio.median}×`],
      ],
    ),
  );
  console.log(`whole scope against a bulkPut into an empty database (${w.bulkPutEmpty.median} ms): ${w.ratioToEmpty.median}× — goal ≤ 2×`);
  const p = c.probes;
  console.log(
    `changes only, the fixed parts of one import timed alone (medians, ms): a readwrite transaction over the import's 28 stores ${p.wideTransaction.median}; ` +
      `the preview's read transaction ${p.readTransaction.median}; all ${p.keptCount.median} kept values read ${p.keptRows.median} (done twice: preview and import); the sender's peers row (${p.peersKnown.median} records known) read + written ${p.peersRow.median}, learn() on it ${p.learnJs.median}; ` +
      `undo snapshot + history line + clock ${p.bookkeeping.median}`,
  );
  const mw = imports.whole.mentor;
  const mc = imports.changes.mentor;
  console.log(
    `the mentor's phone (${imports.mentorRecords} records) importing the curator's file: whole scope (${mw.records} records) ${mw.import.median} ms vs bulkPut ${mw.bulkPut.median} ms = ${mw.ratio.median}×; changes only (${mc.records} records) ${mc.import.median} ms vs ${mc.bulkPut.median} ms = ${mc.ratio.median}×`,
  );
  console.log(`\nbench/year.mjs took ${round((performance.now() - began) / 1000, 0)} s`);
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchYear(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
