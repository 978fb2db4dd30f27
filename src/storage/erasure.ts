import { todayIso } from '../domain/dates';
import {
  categoryLabels,
  eraseKeptValue,
  eraseRecord,
  erasureScopes,
  ERASURE_METHOD,
  ERASURE_METHOD_RECEIVED,
  ERASURE_REASON_LABELS,
  logExpired,
  personalStrings,
  systemName,
  type Erasure,
  type ErasureFields,
  type ErasureReason,
  type ErasureScope,
} from '../domain/erasure';
import { fullName, type PersonCategory } from '../domain/person';
import type { DataCategory } from '../domain/personalData';
import type { VersionedRecord } from '../domain/envelope';
import { SYNCED_TABLES, type ErasureLogRow, type NastavnikDb, type SyncedTable } from './db';
import { Repository } from './repository';
import { AppError } from '../domain/errors';

/**
 * Erasure on this device (docs/ERASURE.md): `erasePerson` writes the erasure record and destroys the person's personal
 * data in every table, kept conflict value, undo snapshot, draft and set-aside record, in one transaction, and logs it;
 * `applyErasures` does the same for erasures that arrived in a bundle (called by the import, in its transaction).
 */

/** Every table an erasure reads or writes: all synced tables and every local table that can hold a copy. */
export const ERASURE_TABLES = [...SYNCED_TABLES, 'conflicts', 'snapshots', 'drafts', 'setAside', 'meta', 'exchanges', 'peers', 'erasureLog'] as const;

const SUBJECT_CATEGORY: Record<PersonCategory, string> = {
  student: 'обучающийся',
  teacher: 'педагог',
  parent: 'родитель',
  graduate: 'выпускник',
  partnerRep: 'представитель организации-партнёра',
};

/** Meta rows that hold no data about anyone and must never go (the device's identity and clock). */
const META_KEEP = new Set(['deviceId', 'hlc']);

export interface ErasureOptions {
  reason: ErasureReason;
  /** The date the consent was withdrawn; by default the latest withdrawal among the person's consents. */
  withdrawnOn?: string;
  /** Who performs it (for the act): name and position as the user gives them. */
  by: { name: string; position: string };
  now?: Date;
}

export interface ErasureResult {
  erasure: Erasure;
  /** The log line written now; undefined when the person had been erased already (nothing changed). */
  log?: ErasureLogRow;
  /** Records anonymised or removed, kept values erased, other copies dropped. */
  changed: number;
}

export interface AppliedErasures {
  /** Synced records anonymised or removed on this device. */
  records: number;
  /** Other copies (kept values, snapshots, drafts, set-aside records, meta rows) erased or dropped. */
  copies: number;
  logged: ErasureLogRow[];
}

type Rec = Record<string, unknown>;

async function readAll(db: NastavnikDb): Promise<{ table: SyncedTable; record: VersionedRecord }[]> {
  const out: { table: SyncedTable; record: VersionedRecord }[] = [];
  for (const t of SYNCED_TABLES) for (const r of await db.syncedTable(t).toArray()) out.push({ table: t, record: r });
  return out;
}

function mentions(row: unknown, needles: readonly string[]): boolean {
  if (!needles.length) return false;
  const text = JSON.stringify(row) ?? '';
  return needles.some((s) => text.includes(s));
}

/**
 * Applies erasures to everything this device holds, inside the caller's transaction over `ERASURE_TABLES`: records
 * about each erased person are anonymised (written through the write path, stamps kept) or removed, their kept values
 * erased, and every local copy that mentions the person (undo snapshots, drafts, set-aside records, meta rows with
 * their personal values) is dropped; a text holding one of her values in the device's settings, its history of
 * exchanges or its peers' names is emptied. A log line is written for each person whose name this device held and had not
 * logged yet. Idempotent: applied twice, the second time changes nothing.
 *
 * `related`: records of a file being imported, so that a pair the file lists the person in counts as theirs.
 */
export async function applyErasures(
  db: NastavnikDb,
  erasures: readonly ErasureFields[],
  opts: { related?: Iterable<{ table: SyncedTable; record: Rec }>; log: Omit<ErasureLogRow, 'id' | 'personId' | 'subjectName' | 'subjectCategory' | 'categories' | 'reason' | 'erasedOn' | 'at'>; now: Date },
): Promise<AppliedErasures> {
  const result: AppliedErasures = { records: 0, copies: 0, logged: [] };
  if (!erasures.length) return result;
  const all = await readAll(db);
  const scopes = erasureScopes(erasures, [...all, ...(opts.related ?? [])]);
  const keptRows = await db.conflicts.toArray();
  const snapshots = (await db.snapshots.toArray()) as Rec[];

  // What to search other copies for: the person's id and personal values, their kept ones included.
  const needles = new Map<string, string[]>();
  const people = new Map(all.filter((x) => x.table === 'people').map((x) => [x.record.id, x.record]));
  for (const e of erasures) {
    const p = people.get(e.personId);
    const values = p ? personalStrings(p, e.erasedOn) : [];
    for (const k of keptRows)
      if (k.table === 'people' && k.recordId === e.personId && Object.hasOwn(k, 'value')) values.push(...personalStrings({ [k.field]: k.value }, e.erasedOn));
    // Older versions of her row that only an undo snapshot still holds.
    for (const snap of snapshots)
      for (const r of Array.isArray(snap.records) ? (snap.records as { table?: string; id?: string; before?: Rec | null }[]) : [])
        if (r.table === 'people' && r.id === e.personId && r.before) values.push(...personalStrings(r.before, e.erasedOn));
    needles.set(e.personId, values.filter((v) => v.length >= 2));
  }

  // Records.
  const categories = new Map<string, Set<DataCategory>>();
  const owners = new Map<string, VersionedRecord>();
  const removed = new Set<string>();
  for (const t of SYNCED_TABLES) {
    const put: VersionedRecord[] = [];
    const gone: string[] = [];
    for (const { table, record } of all) {
      if (table !== t) continue;
      owners.set(`${t}|${record.id}`, record);
      const r = eraseRecord(scopes, t, record);
      if (r.kind === 'unchanged') continue;
      const about = scopes.filter((s) => aboutAny(s, t, record));
      for (const s of about) {
        const set = categories.get(s.erasure.personId) ?? new Set<DataCategory>();
        if (r.kind === 'remove') set.add('preferences');
        else for (const c of r.categories) set.add(c);
        categories.set(s.erasure.personId, set);
      }
      if (r.kind === 'remove') {
        gone.push(record.id);
        removed.add(`${t}|${record.id}`);
      } else put.push(r.record);
    }
    if (put.length) await db.syncedTable(t).bulkPut(put);
    if (gone.length) await db.syncedTable(t).bulkDelete(gone);
    result.records += put.length + gone.length;
  }

  // Kept conflict values.
  const keptPut: typeof keptRows = [];
  const keptGone: string[] = [];
  for (const k of keptRows) {
    const owner = owners.get(`${k.table}|${k.recordId}`);
    if (removed.has(`${k.table}|${k.recordId}`)) {
      keptGone.push(k.id);
      continue;
    }
    if (!owner) continue;
    const e = eraseKeptValue(scopes, k.table, owner, k);
    if (e === 'remove') keptGone.push(k.id);
    else if (e !== 'unchanged') keptPut.push(e);
  }
  if (keptPut.length) await db.conflicts.bulkPut(keptPut);
  if (keptGone.length) await db.conflicts.bulkDelete(keptGone);
  result.copies += keptPut.length + keptGone.length;

  // Other copies: whatever mentions the person's id or their personal values is dropped.
  const ids = erasures.map((e) => e.personId);
  const values = [...needles.values()].flat();
  for (const table of ['snapshots', 'drafts', 'setAside'] as const) {
    const rows = (await db.table(table).toArray()) as Rec[];
    const key = table === 'drafts' ? 'key' : 'id';
    const drop = rows.filter((row) => mentions(row, [...ids, ...values])).map((row) => row[key] as string);
    if (drop.length) await db.table(table).bulkDelete(drop);
    result.copies += drop.length;
  }
  // Rows that must stay (the device's settings, its history of exchanges, what its peers hold) keep their shape, with
  // every text that holds one of her values emptied: a device named after her, say.
  for (const table of ['meta', 'exchanges', 'peers'] as const) {
    const rows = (await db.table(table).toArray()) as Rec[];
    const next = rows.filter((row) => !(table === 'meta' && META_KEEP.has(row.key as string)) && mentions(row, values)).map((row) => scrub(row, values) as Rec);
    if (next.length) await db.table(table).bulkPut(next);
    result.copies += next.length;
  }

  // The log: once per person on this device, only where this device held their name.
  for (const e of erasures) {
    if ((await db.erasureLog.toArray()).some((l) => l.personId === e.personId)) continue;
    const p = people.get(e.personId);
    const cats = categories.get(e.personId);
    if (!p || !cats?.has('name')) continue;
    const codes = new Set<DataCategory>([...e.categories, ...cats]);
    const row: ErasureLogRow = {
      id: crypto.randomUUID(),
      personId: e.personId,
      at: opts.now.toISOString(),
      subjectName: fullName(p as unknown as Parameters<typeof fullName>[0]),
      subjectCategory: SUBJECT_CATEGORY[p.category as PersonCategory] ?? String(p.category ?? ''),
      categories: categoryLabels([...codes]),
      reason: ERASURE_REASON_LABELS[e.reason],
      erasedOn: e.erasedOn,
      ...opts.log,
    };
    await db.erasureLog.put(row);
    result.logged.push(row);
  }
  return result;
}

/** `v` with every string that contains one of `needles` emptied (keys and everything else as they are). */
function scrub(v: unknown, needles: readonly string[]): unknown {
  if (typeof v === 'string') return needles.some((s) => v.includes(s)) ? '' : v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, needles));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x, needles)]));
  return v;
}

function aboutAny(s: ErasureScope, table: SyncedTable, r: Rec): boolean {
  return eraseRecord([s], table, r).kind !== 'unchanged';
}

async function deviceName(db: NastavnikDb): Promise<string> {
  const row = await db.meta.get('deviceName');
  return typeof row?.value === 'string' ? row.value : '';
}

/**
 * «Уничтожить персональные данные»: in one transaction, writes the erasure record (a synced record: it travels in every
 * bundle and every device that imports it destroys its own copy), destroys the person's personal data on this device
 * (`applyErasures`) and writes the log line. A second call for the same person changes nothing.
 */
export async function erasePerson(db: NastavnikDb, personId: string, opts: ErasureOptions): Promise<ErasureResult> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [...ERASURE_TABLES], async () => {
    const person = await db.people.get(personId);
    if (!person) throw new AppError('notFound', 'Участник не найден');
    const repo = new Repository(db, 'erasures');
    const held = await db.erasures.get(personId);
    const erasedOn = todayIso(now);
    let erasure: Erasure;
    if (held) erasure = held;
    else {
      const pairs = (await db.mentorships.toArray()).filter((m) => m.mentorIds.includes(personId) || m.menteeIds.includes(personId)).map((m) => m.id);
      const withdrawals = (await db.consents.where('personId').equals(personId).toArray()).map((c) => c.withdrawnOn).filter((d) => d && d <= erasedOn).sort();
      const withdrawnOn = opts.withdrawnOn && opts.withdrawnOn <= erasedOn ? opts.withdrawnOn : (withdrawals.at(-1) ?? '');
      // The categories this device destroys, found by a dry run of the same rule.
      const all = await readAll(db);
      const fields: ErasureFields = { personId, erasedOn, reason: opts.reason, withdrawnOn, categories: [], mentorshipIds: pairs.sort() };
      const scopes = erasureScopes([fields], all);
      const cats = new Set<DataCategory>();
      for (const { table, record } of all) {
        const r = eraseRecord(scopes, table, record);
        if (r.kind === 'anonymised') for (const c of r.categories) cats.add(c);
        if (r.kind === 'remove') cats.add('preferences');
      }
      fields.categories = [...cats].sort();
      erasure = (await repo.saveManyInTx([{ fields, id: personId }]))[0]!;
    }
    const applied = await applyErasures(db, [erasure], {
      now,
      log: { systemName: systemName(await deviceName(db)), performedBy: { name: opts.by.name.trim(), position: opts.by.position.trim() }, method: ERASURE_METHOD },
    });
    return { erasure, log: applied.logged[0], changed: applied.records + applied.copies };
  });
}

/** The log options for erasures that arrived in a bundle from `fromDevice`. */
export async function receivedLogFields(db: NastavnikDb, fromDevice: string): Promise<Omit<ErasureLogRow, 'id' | 'personId' | 'subjectName' | 'subjectCategory' | 'categories' | 'reason' | 'erasedOn' | 'at'>> {
  return {
    systemName: systemName(await deviceName(db)),
    performedBy: { name: '', position: '' },
    method: `${ERASURE_METHOD_RECEIVED}${fromDevice ? ` с устройства «${fromDevice}»` : ''}`,
  };
}

/** Every erasure this device knows (the synced records): whose data was destroyed, when, why. */
export async function listErasures(db: NastavnikDb): Promise<Erasure[]> {
  return db.erasures.toArray();
}

/** The erasure of this person, if their data was destroyed. */
export async function erasureOf(db: NastavnikDb, personId: string): Promise<Erasure | undefined> {
  return db.erasures.get(personId);
}

/** The lines of this device's log of erasures, newest first: what the act and the log extract print. */
export async function listErasureLog(db: NastavnikDb): Promise<ErasureLogRow[]> {
  return (await db.erasureLog.toArray()).sort((a, b) => b.erasedOn.localeCompare(a.erasedOn) || b.at.localeCompare(a.at));
}

/** Drops the log lines past their three years (call at start). Returns how many went. */
export async function purgeExpiredErasureLog(db: NastavnikDb, now: Date = new Date()): Promise<number> {
  const today = todayIso(now);
  const old = (await db.erasureLog.toArray()).filter((l) => logExpired(l.erasedOn, today)).map((l) => l.id);
  if (old.length) await db.erasureLog.bulkDelete(old);
  return old.length;
}
