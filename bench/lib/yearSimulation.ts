// A school year of real use, device by device, with the app's own domain code: one curator phone holding the whole
// synthetic school and mentor phones holding the scope of their pairs, each editing during the week and exchanging
// files every Saturday. Run in Node by bench/year.mjs (through Vite's module runner); not part of any page.
//
// Nothing of the merge or of a file is re-implemented here: writes are `stampRecord` with the table's FIELD_GROUPS (and `keptAfterWrite`,
// as Repository.save), clocks are `tickHlc`/`receiveHlc` per device, a file is `selectScope` + `selectKeptVersions`
// + `buildBundle` + `encodeBundle` (gzip, as «Обмен» saves it), an import is `decodeBundle` (the parse gate) +
// `mergeTable` per table on the states `toRecordStates` gives (what previewImport/applyImport compute inside their
// transaction), a resolution is `conflictFields` + `pickFields` + `resolveRecord`. Every record a device writes is
// checked with `recordProblems` (the write path's check), so the year is one the app would accept.
//
// Files travel «только новое» (changes only, `selectDelta` against what the sender knows the other phone holds),
// as exportBundle({ changesFor }) makes them; the whole scope of the same moment is encoded beside each for its size.
// What a phone knows of another (its peers row) is kept as src/storage/bundle/peers.ts keeps it, in a Map here:
// learnt from every file imported from it (`learn`) and from our files it acknowledges (`sentKnowledge`).

import { changesRecord, stampRecord, stripEnvelope, type StampContext, type VersionedRecord } from '../../src/domain/envelope';
import { sameJson } from '../../src/domain/canonicalJson';
import { conflictingValues, keptAfterWrite, mergeTable, sameRecordState, toRecordStates, type MergeOutcome, type RecordState } from '../../src/domain/merge';
import { conflictFields, pickFields, resolveRecord } from '../../src/domain/conflictResolution';
import { FIELD_GROUPS } from '../../src/domain/recordRules';
import { recordProblems } from '../../src/domain/recordRules.schema';
import { selectKeptVersions, selectScope } from '../../src/domain/bundle/scope';
import { buildBundle, maxBundleHlc, type Bundle, type KeptValueEntry } from '../../src/domain/bundle/format';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../src/domain/hlc';
import { SYNCED_TABLES, type SyncedTable } from '../../src/domain/syncedTables';
import { learn, recordsOf, selectDelta, sentKnowledge, type Knowledge } from '../../src/domain/handoff/delta';
import { decodeBundle, encodeBundle } from '../../src/storage/bundle/codec';

/** The random stream of bench/lib/random.mjs (streamFor), passed in by the driver. */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  sample<T>(list: readonly T[], n: number): T[];
}

/** Word lists of bench/lib/words.mjs. */
export interface Words {
  notes: readonly string[];
  places: readonly string[];
  itemTitles: readonly string[];
  goals: readonly string[];
  groupNames: readonly string[];
  nextSteps: readonly string[];
  itemResults: readonly string[];
  openAnswers: readonly string[];
}

export interface YearOptions {
  weeks: number;
  mentors: number;
  /** Monday of the first school week, YYYY-MM-DD. */
  firstMonday: string;
  /** Per pair and week, the chance that its mentor logs a meeting. */
  pMeeting: number;
  /** Per pair and week, the chance that its mentor changes the status of 1–2 plan items. */
  pStatus: number;
  /** Per pair and week, the chance that its mentor edits the notes of an earlier meeting. */
  pNotes: number;
  /** Per pair and week, the chance of a new questionnaire response, and of an edit of an earlier one's answers. */
  pResponse: number;
  pAnswers: number;
  /** Curator's edits per week in each mentor's pairs. */
  curatorEdits: number;
  /** Of the curator's edits: the share that writes the very field a mentor changed that week (a different value). */
  pSameField: number;
  /** Of the curator's other edits: the share on a record a mentor changed that week (another field of it). */
  pSameRecord: number;
  /** The week whose curator database and files are kept for the import benchmark in Chromium, and its mentor. */
  measureWeek: number;
  measureMentor: number;
}

export interface YearInput {
  tables: Record<string, VersionedRecord[]>;
  /** The device that wrote the synthetic school: the curator's phone. */
  curatorDeviceId: string;
  rng: (label: string) => Rng;
  words: Words;
  options: YearOptions;
  log?: (line: string) => void;
}

type Replica = Map<SyncedTable, Map<string, RecordState>>;

/** What a phone knows of another phone: PeerRow of src/storage/db.ts. */
export interface PeerState {
  id: string;
  name: string;
  known: Knowledge;
  lastBundleFrom?: string;
  sent: { bundleId: string; at: string; known: Knowledge }[];
  lastSeenAt?: string;
}

interface Device {
  id: string;
  name: string;
  clock: Hlc | null;
  skewMs: number;
  replica: Replica;
  peers: Map<string, PeerState>;
  /** Files this phone made, for their ids. */
  made: number;
}

interface Mentor extends Device {
  index: number;
  mentorshipIds: string[];
  rng: Rng;
}

/** A device's database as the import benchmark loads it: records, kept values, the clock. */
export interface ReplicaSnapshot {
  deviceId: string;
  hlc: string | null;
  /** The simulated moment of the import that follows. */
  importAt: string;
  tables: Partial<Record<SyncedTable, VersionedRecord[]>>;
  kept: KeptValueEntry[];
  peers: PeerState[];
}

/** One file: «только новое» (changes only, what was exchanged) and the whole scope of the same moment. */
export interface FileInfo {
  week: number;
  mentor: number;
  bytes: number;
  records: number;
  kept: number;
  /** The curator's files back are encoded whole only in the measured week (it halves the simulation's time). */
  wholeBytes: number | null;
  wholeRecords: number | null;
  wholeKept: number | null;
}

export interface WeekReport {
  week: number;
  monday: string;
  edits: { mentor: Record<string, number>; curator: Record<string, number>; resolutions: number };
  /** Records edited in the week on both sides (a mentor's phone and the curator's). */
  bothSides: { sameField: number; differentFields: number; sameFieldInConflict: number; differentFieldsInConflict: number; sameFieldByResolution: number };
  /** On the curator after the week's imports: records with values a person must settle, per table. */
  conflicts: Record<string, number>;
  conflictRecords: number;
  /** Kept values on the curator after the week's imports (conflicts and the merge's bookkeeping of equal values). */
  keptValues: number;
  curatorImports: Record<MergeOutcome, number>;
  mentorImports: Record<MergeOutcome, number>;
  curatorRecords: number;
  simMs: number;
}

export interface YearResult {
  weeks: WeekReport[];
  mentorFiles: FileInfo[];
  returnFiles: FileInfo[];
  devices: { curator: string; mentors: { id: string; pairs: number; skewMs: number }[] };
  converged: boolean;
  divergent: string[];
  measured: {
    week: number;
    mentor: number;
    curator: ReplicaSnapshot;
    /** The week's mentor files, in the order the curator imports them: changes only, and the whole scope. */
    mentorFiles: Uint8Array[];
    mentorWholeFiles: Uint8Array[];
    /** The measured mentor's phone before it imports the curator's file, and that file (changes only, whole). */
    mentorBefore: ReplicaSnapshot;
    returnFile: Uint8Array;
    returnWholeFile: Uint8Array;
  } | null;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const zero = (): Record<MergeOutcome, number> => ({ new: 0, updated: 0, unchanged: 0, conflict: 0 });
const iso = (t: number) => new Date(t).toISOString();
const isoDate = (t: number) => iso(t).slice(0, 10);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function emptyReplica(): Replica {
  return new Map(SYNCED_TABLES.map((t) => [t, new Map<string, RecordState>()]));
}

function tableOf(replica: Replica, t: SyncedTable): Map<string, RecordState> {
  return replica.get(t)!;
}

/** The device's records and kept values, as exportBundle reads them. */
function readAll(replica: Replica): { tables: Record<SyncedTable, VersionedRecord[]>; kept: KeptValueEntry[] } {
  const tables = {} as Record<SyncedTable, VersionedRecord[]>;
  const kept: KeptValueEntry[] = [];
  for (const t of SYNCED_TABLES) {
    const list: VersionedRecord[] = [];
    for (const [id, s] of tableOf(replica, t)) {
      list.push(s.record);
      for (const k of s.kept) kept.push({ table: t, recordId: id, field: k.field, write: k.write, ...(Object.hasOwn(k, 'value') ? { value: k.value } : {}) });
    }
    tables[t] = list;
  }
  return { tables, kept };
}

function snapshot(dev: Device, importAt: number): ReplicaSnapshot {
  const { tables, kept } = readAll(dev.replica);
  const nonEmpty: ReplicaSnapshot['tables'] = {};
  for (const t of SYNCED_TABLES) if (tables[t].length) nonEmpty[t] = tables[t];
  return { deviceId: dev.id, hlc: dev.clock ? encodeHlc(dev.clock) : null, importAt: iso(importAt), tables: nonEmpty, kept, peers: [...dev.peers.values()] };
}

function stampContext(dev: Device, at: number): StampContext {
  dev.clock = tickHlc(dev.clock, dev.id, at + dev.skewMs);
  return { hlc: encodeHlc(dev.clock), deviceId: dev.id, now: iso(at + dev.skewMs) };
}

/**
 * One save on a device, as Repository.save does it: nothing written when nothing changes; otherwise the next
 * version stamped with the table's field groups, checked like the write path, and the kept values it replaced gone.
 * Returns the fields it changed.
 */
function save(dev: Device, table: SyncedTable, fields: Record<string, unknown>, at: number, id: string): string[] {
  const states = tableOf(dev.replica, table);
  const cur = states.get(id);
  if (cur && !cur.record.deleted && !changesRecord(cur.record, fields, false)) return [];
  const record = stampRecord(cur?.record, fields, stampContext(dev, at), { id, groups: FIELD_GROUPS[table] }) as VersionedRecord;
  const problems = recordProblems(table, record);
  if (problems.length) throw new Error(`${dev.id} would store an invalid ${table} record ${id}: ${JSON.stringify(problems)}`);
  states.set(id, { record, kept: cur ? keptAfterWrite(cur, record) : [] });
  if (!cur) return Object.keys(fields);
  const before = stripEnvelope(cur.record) as Record<string, unknown>;
  return [...new Set([...Object.keys(before), ...Object.keys(fields)])].filter((k) => !sameJson(before[k], fields[k]));
}

function fieldsOf(dev: Device, table: SyncedTable, id: string): Record<string, unknown> {
  const s = tableOf(dev.replica, table).get(id);
  if (!s) throw new Error(`${dev.id} has no ${table} record ${id}`);
  return stripEnvelope(s.record) as Record<string, unknown>;
}

/** Acknowledgements for our next file: per peer, the last file imported from it (peers.ts acksFor). */
function acksFor(dev: Device): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dev.peers.values()) if (p.lastBundleFrom) out[p.id] = p.lastBundleFrom;
  return out;
}

interface MadeFile {
  bytes: Uint8Array;
  bundle: Bundle;
  records: number;
  kept: number;
}

/**
 * A scoped file of this device as exportBundle makes it and «Обмен» saves it (gzip): the scope's records and kept
 * values, or with `changesFor` only what that peer is not known to hold; a file id and the acknowledgements.
 */
async function exportFile(
  dev: Device,
  view: { tables: Record<SyncedTable, VersionedRecord[]>; kept: KeptValueEntry[] },
  school: { id: string; name: string },
  mentorshipIds: string[],
  at: number,
  changesFor?: string,
): Promise<MadeFile> {
  const inScope = selectScope(view.tables, mentorshipIds);
  const scoped = { tables: inScope, kept: selectKeptVersions(inScope, view.kept) };
  const { tables, kept } = changesFor ? selectDelta(scoped.tables, scoped.kept, dev.peers.get(changesFor)?.known ?? {}) : scoped;
  const bundle = await buildBundle({
    appVersion: 'bench',
    schemaVersion: 4,
    createdAt: iso(at + dev.skewMs),
    device: { id: dev.id, name: dev.name },
    school,
    scope: { kind: 'mentorships', mentorshipIds: [...mentorshipIds] },
    tables,
    conflicts: kept,
    // A whole-scope file is only measured here, never sent: it takes no place in the phone's sequence of files.
    bundleId: changesFor ? `${dev.id}-${++dev.made}` : `${dev.id}-${dev.made}-whole`,
    acks: acksFor(dev),
    ...(changesFor ? { changesFor } : {}),
  });
  const bytes = await encodeBundle(bundle);
  return { bytes, bundle, records: Object.values(tables).reduce((n, l) => n + l.length, 0), kept: kept.length };
}

/** After a file for a peer has left the phone: what it carried, until the peer acknowledges it (peers.ts rememberSent). */
function rememberSent(dev: Device, peerId: string, bundle: Bundle, at: number): void {
  const peer = dev.peers.get(peerId);
  const id = bundle.header.bundleId;
  if (!peer || !id) return;
  peer.sent = [...peer.sent, { bundleId: id, at: iso(at + dev.skewMs), known: sentKnowledge(bundle.tables) }].slice(-5);
}

/** After importing a peer's file: it holds the file's records, and those of our file it acknowledges (peers.ts learnFromImport). */
function learnFromImport(dev: Device, bundle: Bundle, at: number): void {
  const h = bundle.header;
  if (h.device.id === dev.id) return;
  const peer = dev.peers.get(h.device.id) ?? { id: h.device.id, name: h.device.name, known: {}, sent: [] };
  let known = learn(peer.known, recordsOf(bundle.tables));
  let sent = peer.sent;
  const ack = h.acks?.[dev.id];
  const acked = ack ? sent.findIndex((x) => x.bundleId === ack) : -1;
  if (acked >= 0) {
    known = learn(known, Object.entries(sent[acked]!.known).map(([k, vv]) => [k.slice(0, k.indexOf('|')), { id: k.slice(k.indexOf('|') + 1), vv }]));
    sent = sent.slice(acked + 1);
  }
  dev.peers.set(h.device.id, { ...peer, name: h.device.name || peer.name, known, sent, ...(h.bundleId ? { lastBundleFrom: h.bundleId } : {}), lastSeenAt: iso(at + dev.skewMs) });
}

/** An import: the parse gate (`decodeBundle` of the file's bytes), the merge of every table, the clock moved past the file. */
async function importFile(dev: Device, bytes: Uint8Array, at: number): Promise<Record<MergeOutcome, number>> {
  const parsed = await decodeBundle(bytes);
  if (!parsed.ok) throw new Error(`${dev.id}: the file is refused: ${JSON.stringify(parsed.error).slice(0, 400)}`);
  const bundle = parsed.value;
  const counts = zero();
  const fromFile = new Set<object>(Object.values(bundle.tables).flatMap((l) => l ?? []));
  const changes: { table: SyncedTable; id: string; after: RecordState }[] = [];
  for (const table of SYNCED_TABLES) {
    const records = bundle.tables[table];
    if (!records?.length) continue;
    const incoming = toRecordStates(records, bundle.conflicts.filter((c) => c.table === table));
    const states = tableOf(dev.replica, table);
    const local = new Map<string, RecordState>();
    for (const id of incoming.keys()) {
      const s = states.get(id);
      if (s) local.set(id, s);
    }
    const merged = mergeTable(local, incoming.values());
    for (const o of Object.keys(counts) as MergeOutcome[]) counts[o] += merged.counts[o];
    for (const c of merged.changes) changes.push({ table, id: c.id, after: c.after });
  }
  for (const c of changes)
    if (!fromFile.has(c.after.record)) {
      const problems = recordProblems(c.table, c.after.record);
      if (problems.length) throw new Error(`${dev.id}: the merge of ${c.table} ${c.id} is refused: ${JSON.stringify(problems)}`);
    }
  for (const c of changes) tableOf(dev.replica, c.table).set(c.id, c.after);
  const top = maxBundleHlc(bundle);
  if (top) dev.clock = receiveHlc(dev.clock, decodeHlc(top), dev.id, at + dev.skewMs);
  learnFromImport(dev, bundle, at);
  return counts;
}

/** What one pair is made of, on every device (the same ids everywhere after each Saturday). */
interface PairIndex {
  id: string;
  mentorIds: string[];
  menteeIds: string[];
  planId: string | undefined;
  itemIds: string[];
  meetingIds: string[];
  responseIds: string[];
  atWork: boolean;
}

/** Per record edited in the week: the fields each side changed, and the mentor's new values. */
interface Touch {
  table: SyncedTable;
  id: string;
  pair: string;
  mentor: Set<string>;
  curator: Set<string>;
  mentorValues: Map<string, unknown>;
  /** Created this week on the mentor's phone: the curator cannot have it yet. */
  created: boolean;
}

const NEXT_STATUS: Record<string, readonly string[]> = {
  planned: ['inProgress', 'inProgress', 'done'],
  inProgress: ['done', 'done', 'planned'],
  done: ['inProgress'],
  cancelled: ['planned'],
};
const STATUSES = ['planned', 'inProgress', 'done', 'cancelled'];

export async function simulateYear(input: YearInput): Promise<YearResult> {
  const { options: o, words: w } = input;
  const log = input.log ?? (() => {});
  const setup = input.rng('year-setup');
  const curatorRng = input.rng('year-curator');

  // ---- the curator's phone: the whole synthetic school, written by it ---------------------------------------------
  const curator: Device = { id: input.curatorDeviceId, name: 'Телефон куратора', clock: null, skewMs: 0, replica: emptyReplica(), peers: new Map(), made: 0 };
  let top = '';
  for (const t of SYNCED_TABLES)
    for (const r of input.tables[t] ?? []) {
      tableOf(curator.replica, t).set(r.id, { record: r, kept: [] });
      if (r.hlc > top) top = r.hlc;
    }
  curator.clock = top ? decodeHlc(top) : null;
  const schoolRecord = [...tableOf(curator.replica, 'school').values()].map((s) => s.record).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
  const school = { id: schoolRecord.id, name: str(schoolRecord.name) };

  // ---- the pairs, split among the mentors' phones (sorted by mentor: a mentor's pairs mostly share a phone) ---
  const mentorships = [...tableOf(curator.replica, 'mentorships').values()].map((s) => s.record);
  const planOf = new Map<string, string>();
  for (const { record: p } of tableOf(curator.replica, 'plans').values()) planOf.set(str(p.mentorshipId), p.id);
  const itemsOf = new Map<string, string[]>();
  for (const { record: i } of tableOf(curator.replica, 'planItems').values()) itemsOf.set(str(i.planId), [...(itemsOf.get(str(i.planId)) ?? []), i.id]);
  const pairs = new Map<string, PairIndex>();
  const people = tableOf(curator.replica, 'people');
  for (const m of mentorships) {
    const planId = planOf.get(m.id);
    const mentorIds = strings(m.mentorIds);
    pairs.set(m.id, {
      id: m.id,
      mentorIds,
      menteeIds: strings(m.menteeIds),
      planId,
      itemIds: planId ? (itemsOf.get(planId) ?? []) : [],
      meetingIds: [],
      responseIds: [],
      atWork: mentorIds.some((p) => people.get(p)?.record.category === 'partnerRep'),
    });
  }
  for (const { record: r } of tableOf(curator.replica, 'meetings').values()) pairs.get(str(r.mentorshipId))?.meetingIds.push(r.id);
  for (const { record: r } of tableOf(curator.replica, 'responses').values()) pairs.get(str(r.mentorshipId))?.responseIds.push(r.id);
  const pairOfItem = new Map<string, string>();
  for (const p of pairs.values()) for (const i of p.itemIds) pairOfItem.set(i, p.id);
  const ordered = [...mentorships].sort((a, b) => (strings(a.mentorIds)[0] ?? '').localeCompare(strings(b.mentorIds)[0] ?? '') || a.id.localeCompare(b.id));
  const mentors: Mentor[] = Array.from({ length: o.mentors }, (_, k) => ({
    index: k,
    id: `mentor${String(k + 1).padStart(2, '0')}phone`,
    name: `Телефон наставника ${k + 1}`,
    clock: null,
    // Phones' clocks are a little off, as phones' clocks are: up to three minutes either way.
    skewMs: setup.int(-180, 180) * 1000,
    replica: emptyReplica(),
    peers: new Map(),
    made: 0,
    mentorshipIds: ordered.slice(Math.floor((k * ordered.length) / o.mentors), Math.floor(((k + 1) * ordered.length) / o.mentors)).map((m) => m.id),
    rng: input.rng(`year-mentor-${k}`),
  }));
  const questionnaires = [...tableOf(curator.replica, 'questionnaires').values()].map((s) => s.record);
  const mentorQuestionnaire = questionnaires.find((q) => q.role === 'mentor') ?? questionnaires[0]!;

  const start = Date.parse(`${o.firstMonday}T00:00:00Z`);
  // Week 0, the Saturday before the first week: every mentor's phone gets its pairs from the curator.
  {
    const view = readAll(curator.replica);
    for (const m of mentors) {
      const at = start - 2 * DAY + 5 * HOUR + m.index * 2 * MINUTE;
      const file = await exportFile(curator, view, school, m.mentorshipIds, at, m.id);
      rememberSent(curator, m.id, file.bundle, at);
      await importFile(m, file.bytes, at + 3 * HOUR);
    }
  }

  const weeks: WeekReport[] = [];
  const mentorFiles: FileInfo[] = [];
  const returnFiles: FileInfo[] = [];
  let measured: YearResult['measured'] = null;
  let lastConflicted: { table: SyncedTable; id: string }[] = [];

  for (let week = 1; week <= o.weeks; week++) {
    const t0 = performance.now();
    const monday = start + (week - 1) * 7 * DAY;
    /** A moment on a weekday of this week, 00:00–11:00 UTC (09:00–20:00 in the Far East). */
    const weekday = (rng: Rng) => monday + rng.int(0, 4) * DAY + rng.int(0, 11 * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
    const mentorEdits: Record<string, number> = { meetings: 0, planItemStatus: 0, meetingNotes: 0, newResponses: 0, responseAnswers: 0 };
    const curatorEdits: Record<string, number> = { sameField: 0, sameRecordOtherField: 0, planItemTitle: 0, planItemDueDate: 0, meetingDate: 0, meetingPlace: 0, pairTitleOrGoal: 0 };
    const touches = new Map<string, Touch>();
    const touch = (table: SyncedTable, id: string, pair: string, created = false): Touch => {
      const key = `${table}|${id}`;
      let t = touches.get(key);
      if (!t) touches.set(key, (t = { table, id, pair, mentor: new Set(), curator: new Set(), mentorValues: new Map(), created }));
      return t;
    };

    // ---- Monday morning: the curator settles last week's conflicts on «Конфликты» --------------------------------
    let resolutions = 0;
    const resolved = new Set<string>();
    {
      let at = monday + 30 * MINUTE;
      for (const { table, id } of lastConflicted) {
        const state = tableOf(curator.replica, table).get(id)!;
        const fields = conflictFields(state);
        if (!fields.length) continue;
        const picks: Record<string, string> = {};
        for (const f of fields) {
          const other = f.options.find((x) => !x.current);
          if (other && curatorRng.chance(0.5)) picks[f.field] = other.write;
        }
        const chosen = pickFields(state, picks);
        const record = resolveRecord(state.record, chosen.fields, stampContext(curator, (at += MINUTE)), { deleted: chosen.deleted, groups: FIELD_GROUPS[table] });
        const problems = recordProblems(table, record);
        if (problems.length) throw new Error(`resolution of ${table} ${id} refused: ${JSON.stringify(problems)}`);
        tableOf(curator.replica, table).set(id, { record, kept: [] });
        resolutions++;
        // The resolution is a write of the curator's in this week like any other: it can cross a mentor's new edit.
        const before = stripEnvelope(state.record) as Record<string, unknown>;
        const after = stripEnvelope(record) as Record<string, unknown>;
        const pair = table === 'meetings' ? str(before.mentorshipId) : pairOfItem.get(id) ?? '';
        for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) if (!sameJson(before[k], after[k])) touch(table, id, pair).curator.add(k);
        resolved.add(`${table}|${id}`);
      }
    }

    // ---- the week on the mentors' phones -----------------------------------------------------------------------
    for (const m of mentors) {
      const r = m.rng;
      const todo: { at: number; run: () => void }[] = [];
      let created = 0;
      const newId = (table: string) => `y${week}-${m.index + 1}-${table}-${++created}`;
      for (const pid of m.mentorshipIds) {
        const pair = pairs.get(pid)!;
        if (r.chance(o.pMeeting)) {
          const at = weekday(r);
          const id = newId('meeting');
          const place = pair.atWork && r.chance(0.3) ? 'на предприятии партнёра' : r.pick(w.places);
          const fields = {
            mentorshipId: pid,
            kind: 'work',
            date: isoDate(at),
            durationMin: r.pick([30, 40, 45, 45, 45, 60, 90]),
            place,
            attendeeIds: [...pair.mentorIds, ...pair.menteeIds.filter(() => r.chance(0.9))],
            notes: r.pick(w.notes),
            nextSteps: r.chance(0.3) ? r.pick(w.nextSteps) : '',
          };
          todo.push({
            at,
            run: () => {
              save(m, 'meetings', fields, at, id);
              touch('meetings', id, pid, true).mentor.add('*');
              mentorEdits.meetings!++;
            },
          });
        }
        if (r.chance(o.pStatus) && pair.itemIds.length) {
          for (const itemId of r.sample(pair.itemIds, r.int(1, 2))) {
            const at = weekday(r);
            const roll = r.next();
            todo.push({
              at,
              run: () => {
                const f = fieldsOf(m, 'planItems', itemId);
                const next = NEXT_STATUS[str(f.status)] ?? ['planned'];
                const status = next[Math.floor(roll * next.length)]!;
                const result = status === 'done' && roll < 0.4 ? w.itemResults[Math.floor(roll * 10) % w.itemResults.length]! : f.result;
                const changed = save(m, 'planItems', { ...f, status, result }, at, itemId);
                const t = touch('planItems', itemId, pid);
                for (const k of changed) {
                  t.mentor.add(k);
                  t.mentorValues.set(k, k === 'status' ? status : result);
                }
                mentorEdits.planItemStatus!++;
              },
            });
          }
        }
        if (r.chance(o.pNotes) && pair.meetingIds.length) {
          const meetingId = r.pick(pair.meetingIds);
          const at = weekday(r);
          const addition = r.pick(w.nextSteps);
          todo.push({
            at,
            run: () => {
              const f = fieldsOf(m, 'meetings', meetingId);
              const notes = `${str(f.notes) || 'Встреча прошла по плану'}. ${addition}`.slice(0, 4000);
              const changed = save(m, 'meetings', { ...f, notes }, at, meetingId);
              const t = touch('meetings', meetingId, pid);
              for (const k of changed) {
                t.mentor.add(k);
                t.mentorValues.set(k, notes);
              }
              mentorEdits.meetingNotes!++;
            },
          });
        }
        if (r.chance(o.pResponse)) {
          const at = weekday(r);
          const id = newId('response');
          const answers: Record<string, unknown> = {};
          for (const q of (mentorQuestionnaire.questions as { id: string; kind: string; options: string[] }[]) ?? []) {
            if (q.kind === 'scale') answers[q.id] = r.int(4, 10);
            else if (q.kind === 'one') answers[q.id] = r.pick(q.options);
            else if (q.kind === 'many') answers[q.id] = r.sample(q.options, r.int(0, Math.min(2, q.options.length)));
            else answers[q.id] = r.chance(0.5) ? r.pick(w.openAnswers) : '';
          }
          const fields = { questionnaireId: mentorQuestionnaire.id, respondentId: pair.mentorIds[0]!, mentorshipId: pid, phase: 'once', answeredOn: isoDate(at), answers };
          todo.push({
            at,
            run: () => {
              save(m, 'responses', fields, at, id);
              touch('responses', id, pid, true).mentor.add('*');
              mentorEdits.newResponses!++;
            },
          });
        }
        if (r.chance(o.pAnswers) && pair.responseIds.length) {
          const responseId = r.pick(pair.responseIds);
          const at = weekday(r);
          const delta = r.chance(0.5) ? 1 : -1;
          todo.push({
            at,
            run: () => {
              const f = fieldsOf(m, 'responses', responseId);
              const answers = { ...(f.answers as Record<string, unknown>) };
              const scale = Object.keys(answers).filter((k) => typeof answers[k] === 'number');
              const k = scale[Math.floor(scale.length / 2)];
              if (k !== undefined) answers[k] = Math.max(1, Math.min(10, (answers[k] as number) + delta));
              const changed = save(m, 'responses', { ...f, answers }, at, responseId);
              const t = touch('responses', responseId, pid);
              for (const c of changed) {
                t.mentor.add(c);
                t.mentorValues.set(c, answers);
              }
              mentorEdits.responseAnswers!++;
            },
          });
        }
      }
      for (const e of todo.sort((a, b) => a.at - b.at)) e.run();
    }

    // ---- the same week on the curator's phone, in the same pairs -------------------------------------------------
    {
      const r = curatorRng;
      const todo: { at: number; run: () => void }[] = [];
      const curatorOtherField = (table: SyncedTable, id: string, pair: string, at: number, variant: number, sameRecord: boolean) => {
        const f = fieldsOf(curator, table, id);
        let next: Record<string, unknown>;
        let kind: string;
        if (table === 'planItems') {
          if (variant < 0.5) {
            const titles = w.itemTitles.filter((x) => x !== f.title);
            next = { ...f, title: titles[Math.floor(variant * 997) % titles.length] };
            kind = 'planItemTitle';
          } else {
            const due = Date.parse(`${str(f.dueDate) || isoDate(at)}T00:00:00Z`);
            next = { ...f, dueDate: isoDate(due + 7 * DAY) };
            kind = 'planItemDueDate';
          }
        } else if (variant < 0.5) {
          const d = Date.parse(`${str(f.date)}T00:00:00Z`);
          next = { ...f, date: isoDate(d + (variant < 0.25 ? -1 : 1) * DAY) };
          kind = 'meetingDate';
        } else {
          next = { ...f, place: w.places.filter((p) => p !== f.place)[Math.floor(variant * 97) % (w.places.length - 1)] };
          kind = 'meetingPlace';
        }
        const changed = save(curator, table, next, at, id);
        for (const k of changed) touch(table, id, pair).curator.add(k);
        curatorEdits[sameRecord ? 'sameRecordOtherField' : kind]!++;
      };
      for (const m of mentors) {
        // What this mentor changed this week in records the curator also holds (not the meetings it just logged).
        const mine = new Set(m.mentorshipIds);
        const changedByMentor = [...touches.values()].filter((t) => !t.created && t.mentor.size > 0 && (t.table === 'planItems' || t.table === 'meetings') && mine.has(t.pair));
        for (let e = 0; e < o.curatorEdits; e++) {
          const at = weekday(r);
          const roll = r.next();
          const target = changedByMentor.length ? r.pick(changedByMentor) : undefined;
          const pair = pairs.get(r.pick(m.mentorshipIds))!;
          const variant = r.next();
          if (target && roll < o.pSameField) {
            // The very field a mentor changed (status of an item, notes of a meeting), to another value.
            const field = target.table === 'planItems' ? 'status' : 'notes';
            todo.push({
              at,
              run: () => {
                const f = fieldsOf(curator, target.table, target.id);
                const mentorValue = target.mentorValues.get(field);
                let value: unknown;
                if (field === 'status') value = STATUSES.filter((s) => s !== f.status && s !== mentorValue)[Math.floor(variant * 2)] ?? 'cancelled';
                else value = `${str(f.notes)}. Уточнение куратора: ${w.nextSteps[Math.floor(variant * w.nextSteps.length)]}`;
                const changed = save(curator, target.table, { ...f, [field]: value }, at, target.id);
                for (const k of changed) touch(target.table, target.id, target.pair).curator.add(k);
                curatorEdits.sameField!++;
              },
            });
          } else if (target && roll < o.pSameField + (1 - o.pSameField) * o.pSameRecord) {
            // Another field of a record the mentor changed: an item renamed or moved, a meeting's date or place corrected.
            todo.push({ at, run: () => curatorOtherField(target.table, target.id, target.pair, at, variant, true) });
          } else if (variant < 0.2) {
            todo.push({
              at,
              run: () => {
                const f = fieldsOf(curator, 'mentorships', pair.id);
                const next =
                  variant < 0.1 && pair.menteeIds.length > 1
                    ? { ...f, title: `Группа «${w.groupNames[Math.floor(variant * 100) % w.groupNames.length]}»` }
                    : { ...f, goal: w.goals[Math.floor(variant * 1000) % w.goals.length] };
                const changed = save(curator, 'mentorships', next, at, pair.id);
                for (const k of changed) touch('mentorships', pair.id, pair.id).curator.add(k);
                curatorEdits.pairTitleOrGoal!++;
              },
            });
          } else if (variant < 0.6 && pair.itemIds.length) {
            const itemId = pair.itemIds[Math.floor(r.next() * pair.itemIds.length)]!;
            const sub = r.next();
            todo.push({ at, run: () => curatorOtherField('planItems', itemId, pair.id, at, sub, false) });
          } else if (pair.meetingIds.length) {
            const meetingId = pair.meetingIds[Math.floor(r.next() * pair.meetingIds.length)]!;
            const sub = r.next();
            todo.push({ at, run: () => curatorOtherField('meetings', meetingId, pair.id, at, sub, false) });
          }
        }
      }
      for (const e of todo.sort((a, b) => a.at - b.at)) e.run();
    }

    // ---- Saturday: every mentor sends its file, the curator imports them all, then sends each its pairs back ---
    const saturday = monday + 5 * DAY;
    const measuring = week === o.measureWeek;
    const files: MadeFile[] = [];
    const wholeFiles: MadeFile[] = [];
    for (const m of mentors) {
      const at = saturday + HOUR + m.index * 3 * MINUTE;
      const view = readAll(m.replica);
      const file = await exportFile(m, view, school, m.mentorshipIds, at, curator.id);
      const whole = await exportFile(m, view, school, m.mentorshipIds, at);
      rememberSent(m, curator.id, file.bundle, at);
      files.push(file);
      wholeFiles.push(whole);
      mentorFiles.push({ week, mentor: m.index + 1, bytes: file.bytes.byteLength, records: file.records, kept: file.kept, wholeBytes: whole.bytes.byteLength, wholeRecords: whole.records, wholeKept: whole.kept });
    }
    const importAt = (k: number) => saturday + 3 * HOUR + k * 2 * MINUTE;
    const curatorBefore = measuring ? snapshot(curator, importAt(0)) : null;
    const curatorImports = zero();
    for (const [k, file] of files.entries()) {
      const c = await importFile(curator, file.bytes, importAt(k));
      for (const x of Object.keys(c) as MergeOutcome[]) curatorImports[x] += c[x];
    }

    // The curator's phone now: what a person must settle, and the contrast with edits of different fields.
    const conflicts: Record<string, number> = {};
    let conflictRecords = 0;
    let keptValues = 0;
    let curatorRecords = 0;
    lastConflicted = [];
    for (const t of SYNCED_TABLES)
      for (const [id, s] of tableOf(curator.replica, t)) {
        curatorRecords++;
        keptValues += s.kept.length;
        if (conflictingValues(s).length) {
          conflicts[t] = (conflicts[t] ?? 0) + 1;
          conflictRecords++;
          lastConflicted.push({ table: t, id });
        }
      }
    const bothSides = { sameField: 0, differentFields: 0, sameFieldInConflict: 0, differentFieldsInConflict: 0, sameFieldByResolution: 0 };
    for (const t of touches.values()) {
      if (!t.mentor.size || !t.curator.size) continue;
      const inConflict = conflictingValues(tableOf(curator.replica, t.table).get(t.id)!).length > 0;
      if ([...t.curator].some((k) => t.mentor.has(k))) {
        bothSides.sameField++;
        if (inConflict) bothSides.sameFieldInConflict++;
        // The curator's Monday resolution wrote the field and the mentor wrote it again that week, not having seen it.
        if (resolved.has(`${t.table}|${t.id}`)) bothSides.sameFieldByResolution++;
      } else {
        bothSides.differentFields++;
        if (inConflict) bothSides.differentFieldsInConflict++;
      }
    }

    const view = readAll(curator.replica);
    const mentorImports = zero();
    for (const m of mentors) {
      const at = saturday + 5 * HOUR + m.index * 2 * MINUTE;
      const file = await exportFile(curator, view, school, m.mentorshipIds, at, m.id);
      const whole = measuring ? await exportFile(curator, view, school, m.mentorshipIds, at) : null;
      rememberSent(curator, m.id, file.bundle, at);
      returnFiles.push({ week, mentor: m.index + 1, bytes: file.bytes.byteLength, records: file.records, kept: file.kept, wholeBytes: whole?.bytes.byteLength ?? null, wholeRecords: whole?.records ?? null, wholeKept: whole?.kept ?? null });
      const mentorAt = saturday + 8 * HOUR + m.index * 5 * MINUTE;
      if (whole && m.index === o.measureMentor && curatorBefore)
        measured = {
          week,
          mentor: m.index + 1,
          curator: curatorBefore,
          mentorFiles: files.map((f) => f.bytes),
          mentorWholeFiles: wholeFiles.map((f) => f.bytes),
          mentorBefore: snapshot(m, mentorAt),
          returnFile: file.bytes,
          returnWholeFile: whole.bytes,
        };
      const c = await importFile(m, file.bytes, mentorAt);
      for (const x of Object.keys(c) as MergeOutcome[]) mentorImports[x] += c[x];
    }

    // The records logged this week exist everywhere now: later weeks may edit them.
    for (const t of touches.values()) {
      if (!t.created) continue;
      const rec = tableOf(curator.replica, t.table).get(t.id)!.record;
      const pair = pairs.get(str(rec.mentorshipId))!;
      (t.table === 'meetings' ? pair.meetingIds : pair.responseIds).push(t.id);
    }

    const report: WeekReport = {
      week,
      monday: isoDate(monday),
      edits: { mentor: mentorEdits, curator: curatorEdits, resolutions },
      bothSides,
      conflicts,
      conflictRecords,
      keptValues,
      curatorImports,
      mentorImports,
      curatorRecords,
      simMs: Math.round(performance.now() - t0),
    };
    weeks.push(report);
    log(
      `week ${String(week).padStart(2)}: mentors ${Object.values(mentorEdits).reduce((a, b) => a + b, 0)} edits, curator ${Object.values(curatorEdits).reduce((a, b) => a + b, 0)} (${curatorEdits.sameField} same field); both sides: ${bothSides.sameField} same field, ${bothSides.differentFields} different fields; conflicts ${conflictRecords}; ${report.simMs} ms`,
    );
  }

  // Everyone exchanged last: every mentor's phone holds exactly the curator's records of its pairs.
  const divergent: string[] = [];
  const view = readAll(curator.replica);
  for (const m of mentors) {
    const scoped = selectScope(view.tables, m.mentorshipIds);
    for (const t of SYNCED_TABLES) {
      const mine = tableOf(m.replica, t);
      if (mine.size !== scoped[t].length) divergent.push(`${m.id} ${t}: ${mine.size} records, the curator's scope ${scoped[t].length}`);
      for (const r of scoped[t]) {
        const a = mine.get(r.id);
        if (!a || !sameRecordState(a, tableOf(curator.replica, t).get(r.id)!)) divergent.push(`${m.id} ${t} ${r.id}`);
      }
    }
  }

  return {
    weeks,
    mentorFiles,
    returnFiles,
    devices: { curator: curator.id, mentors: mentors.map((m) => ({ id: m.id, pairs: m.mentorshipIds.length, skewMs: m.skewMs })) },
    converged: divergent.length === 0,
    divergent: divergent.slice(0, 20),
    measured,
  };
}
