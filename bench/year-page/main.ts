// The year benchmark's page: the weekly imports of bench/year.mjs's simulated school year, with the app's own
// storage code on real IndexedDB in Chromium. bench/year.mjs serves, beside this page, the curator's database as it
// stood on the measured Saturday before the imports (/curator.json: records, kept values, clock, peers), that
// Saturday's mentor files as the mentors' phones saved them — «только новое» (/changes-NN.json.gz) and the whole
// scope of the same moment (/whole-NN.json.gz) — and one mentor's phone with the curator's file back (/mentor.json,
// /return-changes.json.gz, /return-whole.json.gz); /year.json lists them. window.bench.run() loads fresh databases
// and times, file by file, what «Обмен» does with a file (decodeBundle, previewImport, applyImport) against the
// baseline of the same run: a bare bulkPut of the same records into a database with the same stores and none of
// the app's code (bench/lib/bareDb.ts) holding the same data (and, for whole-scope files, into an empty one). The
// phones' databases are fresh for each kind of file in each run; the bare ones are loaded once and reused (putting
// the same records again leaves them holding the same data).
import type Dexie from 'dexie';
import { NastavnikDb, SYNCED_TABLES, type ConflictRow, type GenericRecord, type PeerRow, type SyncedTable } from '../../src/storage/db';
import type { KeptValueEntry } from '../../src/domain/bundle/format';
import { decodeBundle } from '../../src/storage/bundle/codec';
import { applyImport, previewImport, type OutcomeCounts } from '../../src/storage/bundle/importBundle';
import { keptRowId } from '../../src/storage/bundle/localState';
import { markChecked } from '../../src/storage/writePath';
import { learn, recordsOf } from '../../src/domain/handoff/delta';
import { bareBulkPut, dropBareDb, openBareDb } from '../lib/bareDb';

interface Snapshot {
  deviceId: string;
  hlc: string | null;
  importAt: string;
  tables: Partial<Record<SyncedTable, GenericRecord[]>>;
  kept: KeptValueEntry[];
  peers: PeerRow[];
}

type Kind = 'changes' | 'whole';
const KINDS: readonly Kind[] = ['changes', 'whole'];

interface Manifest {
  week: number;
  curator: string;
  mentorFiles: Record<Kind, string[]>;
  mentor: { index: number; snapshot: string; returnFile: Record<Kind, string> };
}

interface Loaded {
  manifest: Manifest;
  curator: Snapshot;
  mentorFiles: Record<Kind, Uint8Array[]>;
  mentor: Snapshot;
  returnFile: Record<Kind, Uint8Array>;
}

let loaded: Loaded | null = null;
let bareDbs: { curator: Dexie; mentor: Dexie } | null = null;

/** After the last run: the bare databases go. */
async function done(): Promise<void> {
  if (bareDbs) for (const db of Object.values(bareDbs)) await dropBareDb(db);
  bareDbs = null;
}

async function load(): Promise<Loaded> {
  if (loaded) return loaded;
  const json = async <T>(p: string) => (await (await fetch(`/${p}`)).json()) as T;
  const bytes = async (p: string) => new Uint8Array(await (await fetch(`/${p}`)).arrayBuffer());
  const manifest = await json<Manifest>('year.json');
  loaded = {
    manifest,
    curator: await json<Snapshot>(manifest.curator),
    mentorFiles: { changes: await Promise.all(manifest.mentorFiles.changes.map(bytes)), whole: await Promise.all(manifest.mentorFiles.whole.map(bytes)) },
    mentor: await json<Snapshot>(manifest.mentor.snapshot),
    returnFile: { changes: await bytes(manifest.mentor.returnFile.changes), whole: await bytes(manifest.mentor.returnFile.whole) },
  };
  return loaded;
}

const count = (tables: Partial<Record<string, readonly unknown[]>>) => Object.values(tables).reduce((n, l) => n + (l?.length ?? 0), 0);

/** The device's database as the simulation left it: records (through the app's write path), kept values, clock, peers. */
async function openDevice(name: string, s: Snapshot): Promise<NastavnikDb> {
  await NastavnikDb.delete(name);
  const db = new NastavnikDb(name);
  await db.open();
  await db.transaction('rw', [...SYNCED_TABLES, 'conflicts', 'meta', 'peers'], async () => {
    // The simulation checked every record with recordProblems as it wrote it: setup skips the write path's check.
    for (const t of SYNCED_TABLES) if (s.tables[t]?.length) await db.syncedTable(t).bulkPut([...markChecked(s.tables[t]!)]);
    const rows: ConflictRow[] = s.kept.map((k) => ({ ...k, id: keptRowId(k.table, k.recordId, k.field, k.write), detectedAt: s.importAt }));
    await db.conflicts.bulkPut(rows);
    // The keys of src/storage/clock.ts: this device's id and its clock.
    await db.meta.bulkPut([{ key: 'deviceId', value: s.deviceId }, ...(s.hlc ? [{ key: 'hlc', value: s.hlc }] : [])]);
    await db.peers.bulkPut(s.peers);
  });
  return db;
}

async function openBare(name: string, s: Snapshot): Promise<Dexie> {
  const db = await openBareDb(name);
  await bareBulkPut(db, s.tables);
  await db.table('conflicts').bulkPut(s.kept.map((k) => ({ ...k, id: keptRowId(k.table, k.recordId, k.field, k.write), detectedAt: s.importAt })));
  return db;
}

export interface FileTiming {
  records: number;
  kept: number;
  outcomes: OutcomeCounts;
  decode: number;
  preview: number;
  apply: number;
  /** Baseline: a bare bulkPut of the file's records into the bare database holding the same data as the device. */
  bulkPut: number;
  /** The same bulkPut into an empty bare database (every fourth whole-scope file). */
  bulkPutEmpty: number | null;
  /** Changes-only files: the fixed parts of an import, each timed alone on the same database right after it. */
  probes?: Probes;
}

/** The tables applyImport's one transaction spans (IMPORT_TABLES of src/storage/bundle/importBundle.ts). */
const IMPORT_TABLES = [...SYNCED_TABLES, 'conflicts', 'exchanges', 'snapshots', 'meta', 'files', 'peers', 'drafts', 'setAside', 'erasureLog'];

export interface Probes {
  /** An empty readwrite transaction over the import's 30 stores (one read in it), committed. */
  wideTransaction: number;
  /** The preview's read transaction (synced tables, conflicts, files) with one read in it. */
  readTransaction: number;
  /** Every kept value read, as plan() does in the preview and again in the import (allKeptRows). */
  keptRows: number;
  keptCount: number;
  /** The sender's peers row read and written back (learnFromImport's storage part). */
  peersRow: number;
  /** learnFromImport's pure part: `learn` over the file's records on that row's knowledge. */
  learnJs: number;
  /** How many records that row knows. */
  peersKnown: number;
  /** The undo snapshot, the history line and the clock written again, in one transaction. */
  bookkeeping: number;
}

async function ms(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

async function probe(db: NastavnikDb, bundle: { header: { device: { id: string } }; tables: Parameters<typeof recordsOf>[0] }): Promise<Probes> {
  const wideTransaction = await ms(() => db.transaction('rw', IMPORT_TABLES, () => db.meta.get('hlc')));
  const readTransaction = await ms(() => db.transaction('r', [...SYNCED_TABLES, 'conflicts', 'files'], () => db.school.toArray()));
  let keptCount = 0;
  const keptRows = await ms(() => db.transaction('r', db.conflicts, async () => (keptCount = (await db.conflicts.toArray()).length)));
  const sender = bundle.header.device.id;
  const peersRow = await ms(() =>
    db.transaction('rw', db.peers, async () => {
      const row = await db.peers.get(sender);
      if (row) await db.peers.put(row);
    }),
  );
  const row = await db.peers.get(sender);
  const t0 = performance.now();
  learn(row?.known ?? {}, recordsOf(bundle.tables));
  const learnJs = performance.now() - t0;
  const [snapshot] = await db.snapshots.toArray();
  const exchange = (await db.exchanges.orderBy('at').last())!;
  const hlc = await db.meta.get('hlc');
  const bookkeeping = await ms(() =>
    db.transaction('rw', db.snapshots, db.exchanges, db.meta, async () => {
      await db.snapshots.clear();
      if (snapshot) await db.snapshots.put(snapshot);
      await db.exchanges.put(exchange);
      if (hlc) await db.meta.put(hlc);
    }),
  );
  return { wideTransaction, readTransaction, keptRows, keptCount, peersRow, learnJs, peersKnown: Object.keys(row?.known ?? {}).length, bookkeeping };
}

/**
 * One file into one device, as «Обмен» does it (the preview, then the import), and the baselines. `baselineFirst`
 * alternates from file to file which side runs first, so neither always runs on the heels of the other's commit.
 */
async function importOne(
  db: NastavnikDb,
  bare: Dexie,
  bytes: Uint8Array,
  now: Date,
  tag: string,
  opts: { baselineFirst: boolean; withEmpty: boolean; probe: boolean },
): Promise<FileTiming> {
  const { baselineFirst, withEmpty } = opts;
  const baseline = async (tables: Parameters<typeof bareBulkPut>[1]) => {
    const bulkPut = await bareBulkPut(bare, tables);
    if (!withEmpty) return { bulkPut, bulkPutEmpty: null };
    const empty = await openBareDb(`${tag}-empty`);
    const bulkPutEmpty = await bareBulkPut(empty, tables);
    await dropBareDb(empty);
    return { bulkPut, bulkPutEmpty };
  };
  // The baseline writes the records the file holds: when it goes first, from a decode of its own, outside any timing.
  let before: Awaited<ReturnType<typeof baseline>> | null = null;
  if (baselineFirst) {
    const records = await decodeBundle(bytes);
    if (!records.ok) throw new Error(`${tag}: decode: ${JSON.stringify(records.error).slice(0, 300)}`);
    before = await baseline(records.value.tables);
  }
  const t0 = performance.now();
  const parsed = await decodeBundle(bytes);
  const t1 = performance.now();
  if (!parsed.ok) throw new Error(`${tag}: decode: ${JSON.stringify(parsed.error).slice(0, 300)}`);
  const preview = await previewImport(db, parsed.value, now);
  const t2 = performance.now();
  if (!preview.ok) throw new Error(`${tag}: preview: ${JSON.stringify(preview.error).slice(0, 300)}`);
  const applied = await applyImport(db, parsed.value, now);
  const t3 = performance.now();
  if (!applied.ok) throw new Error(`${tag}: import: ${JSON.stringify(applied.error).slice(0, 300)}`);
  const base = before ?? (await baseline(parsed.value.tables));
  const probes = opts.probe ? await probe(db, parsed.value) : undefined;
  return {
    records: count(parsed.value.tables),
    kept: parsed.value.conflicts.length,
    outcomes: applied.value.total,
    decode: t1 - t0,
    preview: t2 - t1,
    apply: t3 - t2,
    ...base,
    ...(probes ? { probes } : {}),
  };
}

/**
 * One run on fresh databases. `whole` picks which of the Saturday's whole-scope files to import (the driver takes
 * half of them per run, alternating, to keep the benchmark within minutes); the changes-only files go all.
 */
async function run(runNo: number, whole: readonly number[]) {
  const data = await load();
  const setup0 = performance.now();
  // The bare databases, holding what the curator's and the mentor's hold, are loaded once for all runs: the
  // baselines put the files' records into them again and again, which leaves them holding the same data.
  bareDbs ??= { curator: await openBare('year-curator-bare', data.curator), mentor: await openBare('year-mentor-bare', data.mentor) };
  const { curator: curatorBare, mentor: mentorBare } = bareDbs;
  let setupMs = performance.now() - setup0;
  const setup: Record<string, number> = { bare: setupMs };
  const start = Date.parse(data.curator.importAt);
  const curator = {} as Record<Kind, (FileTiming & { file: number })[]>;
  const mentor = {} as Record<Kind, FileTiming>;
  let curatorKept = 0;
  // A warm-up run only warms up: one copy of each phone, the whole-scope files imported after the changes-only ones.
  let warmDb: { curator: NastavnikDb; mentor: NastavnikDb } | null = null;
  for (const kind of runNo % 2 ? [...KINDS].reverse() : KINDS) {
    // The curator's Saturday: the mentors' files, one after another, two minutes apart (as the simulation did).
    // Each kind starts from the same Saturday morning, on a fresh copy of each phone.
    const s0 = performance.now();
    const reused = warmDb !== null;
    const db: NastavnikDb = warmDb?.curator ?? (await openDevice(`year-curator-${runNo}-${kind}`, data.curator));
    const mdb: NastavnikDb = warmDb?.mentor ?? (await openDevice(`year-mentor-${runNo}-${kind}`, data.mentor));
    setup[kind] = performance.now() - s0;
    setupMs += setup[kind];
    if (!reused) curatorKept = await db.conflicts.count();
    curator[kind] = [];
    const picked = kind === 'whole' ? whole : data.mentorFiles.changes.map((_, k) => k);
    for (const k of picked) {
      const timing = await importOne(db, curatorBare, data.mentorFiles[kind][k]!, new Date(start + k * 2 * 60_000), `year-c${runNo}-${kind}-${k}`, {
        baselineFirst: k % 2 === 1,
        withEmpty: kind === 'whole' && k % 4 === 0,
        probe: kind === 'changes',
      });
      curator[kind].push({ ...timing, file: k + 1 });
    }
    mentor[kind] = await importOne(mdb, mentorBare, data.returnFile[kind], new Date(data.mentor.importAt), `year-m${runNo}-${kind}`, {
      baselineFirst: runNo % 2 === 1,
      withEmpty: kind === 'whole',
      probe: kind === 'changes',
    });
    if (runNo === 0 && !warmDb) {
      warmDb = { curator: db, mentor: mdb };
      continue;
    }
    for (const d of [db, mdb]) {
      d.close();
      await NastavnikDb.delete(d.name);
    }
  }
  return { week: data.manifest.week, curatorRecords: count(data.curator.tables), curatorKept, mentorRecords: count(data.mentor.tables), setupMs, setup, curator, mentor };
}

/** Called by the driving script through page.evaluate. */
(window as unknown as { bench: { run: typeof run; done: typeof done } }).bench = { run, done };
document.getElementById('state')!.textContent = 'ready';
