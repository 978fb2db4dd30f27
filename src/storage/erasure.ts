import { todayIso } from '../domain/dates';
import {
  categoryLabels,
  eraseKeptValue,
  eraseRecord,
  erasureScopes,
  ERASURE_METHOD,
  ERASURE_METHOD_RECEIVED,
  ERASURE_REASON_LABELS,
  isAbout,
  logExpired,
  personMarks,
  systemName,
  textHoldsId,
  textNames,
  withMarks,
  type PersonMarks,
  type Erasure,
  type ErasureFields,
  type ErasureReason,
  type ErasureScope,
} from '../domain/erasure';
import { fullName, type PersonCategory } from '../domain/person';
import type { DataCategory } from '../domain/personalData';
import type { VersionedRecord } from '../domain/envelope';
import { SYNCED_TABLES, type ErasureLogRow, type NastavnikDb, type SyncedTable } from './db';
import { forgetRemoved, Repository } from './repository';
import { AppError } from '../domain/errors';
import { readDeviceRole } from '../domain/deviceRole';

/** Meta key of the device's role (as src/storage/deviceRole.ts ROLE_KEY; not imported: that module imports the export). */
const ROLE_KEY = 'deviceRole';

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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Does any string inside `v` name the person? */
function anyText(v: unknown, marks: PersonMarks | undefined): boolean {
  if (!marks) return false;
  if (typeof v === 'string') return textNames(v, marks);
  if (Array.isArray(v)) return v.some((x) => anyText(x, marks));
  if (v !== null && typeof v === 'object') return Object.values(v).some((x) => anyText(x, marks));
  return false;
}

/** `v` with every string that names the person emptied (keys and everything else as they are). */
export function scrubMarks(v: unknown, marks: PersonMarks | undefined): unknown {
  if (!marks) return v;
  if (typeof v === 'string') return textNames(v, marks) ? '' : v;
  if (Array.isArray(v)) return v.map((x) => scrubMarks(x, marks));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubMarks(x, marks)]));
  return v;
}

/**
 * What names each erased person on this device: every version of her row it holds or is given — the current one, her
 * kept conflict values, the older rows an undo snapshot still holds, a file's rows (`related`).
 */
export async function marksOf(
  db: NastavnikDb,
  erasures: readonly Pick<ErasureFields, 'personId'>[],
  all?: readonly { table: SyncedTable; record: Rec }[],
  related: readonly { table: SyncedTable; record: Rec }[] = [],
): Promise<Map<string, PersonMarks>> {
  const out = new Map<string, PersonMarks>();
  if (!erasures.length) return out;
  const keptRows = await db.conflicts.where('table').equals('people').toArray();
  const snapshots = (await db.snapshots.toArray()) as Rec[];
  for (const e of erasures) {
    const versions: Rec[] = [];
    const row = (all ? all.find((x) => x.table === 'people' && x.record.id === e.personId)?.record : await db.people.get(e.personId)) as Rec | undefined;
    if (row) versions.push(row);
    for (const k of keptRows) if (k.recordId === e.personId && Object.hasOwn(k, 'value')) versions.push({ ...(row ?? {}), [k.field]: k.value });
    for (const snap of snapshots)
      for (const r of Array.isArray(snap.records) ? (snap.records as { table?: string; id?: string; before?: Rec | null }[]) : [])
        if (r.table === 'people' && r.id === e.personId && r.before) versions.push(r.before);
    for (const x of related) if (x.table === 'people' && x.record.id === e.personId) versions.push(x.record);
    out.set(e.personId, personMarks(versions));
  }
  return out;
}

/** The ids of every record about an erased person (her pairs, plans, items, meetings, answers, consents…). */
function scopeIds(scopes: readonly ErasureScope[], ...lists: readonly (readonly { table: SyncedTable; record: Rec }[])[]): Set<string> {
  const ids = new Set<string>();
  for (const s of scopes) {
    ids.add(s.erasure.personId);
    for (const id of s.mentorshipIds) ids.add(id);
    for (const id of s.planIds) ids.add(id);
  }
  for (const list of lists)
    for (const { table, record } of list) if (table !== 'people' && scopes.some((s) => isAbout(s, table, record))) ids.add(str(record.id));
  ids.delete('');
  return ids;
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
  opts: {
    related?: Iterable<{ table: SyncedTable; record: Rec }>;
    /** Erasures new on this device: the last import stops being undoable even if nothing else changed. */
    fresh?: boolean;
    /** The log line's fields; null: no line (a mentor's phone: the log is the curator's). */
    log: Omit<ErasureLogRow, 'id' | 'personId' | 'subjectName' | 'subjectCategory' | 'categories' | 'reason' | 'erasedOn' | 'at'> | null;
    now: Date;
  },
): Promise<AppliedErasures> {
  const result: AppliedErasures = { records: 0, copies: 0, logged: [] };
  if (!erasures.length) return result;
  const all = await readAll(db);
  const related = [...(opts.related ?? [])];
  const scopes = withMarks(erasureScopes(erasures, [...all, ...related]), await marksOf(db, erasures, all, related));
  const keptRows = await db.conflicts.toArray();
  const people = new Map(all.filter((x) => x.table === 'people').map((x) => [x.record.id, x.record]));

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

  // «Вернуть» after a deletion must not bring her fields back: the copies this tab kept for it go.
  result.copies += forgetRemoved(db, (table, record) => eraseRecord(scopes, table, record).kind !== 'unchanged');

  // The undo of the last import: its snapshot holds older versions of records about her (a plan item of her pair
  // that no search of her values finds), so an erasure that destroys anything makes the last import not undoable.
  if (opts.fresh || result.records + result.copies > 0) {
    const snaps = (await db.snapshots.toArray()) as Rec[];
    if (snaps.length) {
      await db.snapshots.clear();
      for (const snap of snaps) if (typeof snap.exchangeId === 'string') await db.exchanges.update(snap.exchangeId, { undoDroppedOn: opts.now.toISOString() });
      result.copies += snaps.length;
    }
  }

  // Drafts and set-aside records: dropped when they hold her id, a form of her name, her phone or e-mail, or (a
  // draft's key) the id of a record about her (her pair's meeting, its plan…); a set-aside record about her goes too.
  const ownIds = erasures.map((e) => e.personId);
  const scopedIds = [...scopeIds(scopes, all, related)];
  const drafts = (await db.drafts.toArray()) as unknown as Rec[];
  const draftsGone = drafts
    .filter((d) => textHoldsId(str(d.key), scopedIds) || textHoldsId(JSON.stringify(d.value) ?? '', ownIds) || scopes.some((s) => anyText(d.value, s.marks)))
    .map((d) => d.key as string);
  if (draftsGone.length) await db.drafts.bulkDelete(draftsGone);
  const setAside = (await db.setAside.toArray()) as unknown as Rec[];
  const setAsideGone = setAside
    .filter((row) => {
      const table = row.table as SyncedTable;
      const record = { ...((row.record as Rec | undefined) ?? {}), id: row.recordId };
      return (
        (SYNCED_TABLES as readonly string[]).includes(table) && eraseRecord(scopes, table, record).kind !== 'unchanged'
      ) || textHoldsId(JSON.stringify(row) ?? '', ownIds) || scopes.some((s) => anyText(row, s.marks));
    })
    .map((row) => row.id as string);
  if (setAsideGone.length) await db.setAside.bulkDelete(setAsideGone);
  result.copies += draftsGone.length + setAsideGone.length;

  // Rows that must stay (the device's settings, its history of exchanges, what its peers hold) keep their shape, with
  // every text that names her emptied: a device named after her, say.
  for (const table of ['meta', 'exchanges', 'peers'] as const) {
    const rows = (await db.table(table).toArray()) as Rec[];
    const next: Rec[] = [];
    for (const row of rows) {
      if (table === 'meta' && META_KEEP.has(row.key as string)) continue;
      const clean = scopes.reduce<unknown>((v, s) => scrubMarks(v, s.marks), row) as Rec;
      if (JSON.stringify(clean) !== JSON.stringify(row)) next.push(clean);
    }
    if (next.length) await db.table(table).bulkPut(next);
    result.copies += next.length;
  }

  // The log: once per person on this device, only where this device held their name — and only on the curator's
  // devices: the log of erasures is the operator's (the curator's), a mentor's phone keeps no line with her name.
  const mentorPhone = readDeviceRole((await db.meta.get(ROLE_KEY))?.value).kind === 'mentor';
  for (const e of opts.log && !mentorPhone ? erasures : []) {
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
      ...opts.log!,
    };
    await db.erasureLog.put(row);
    result.logged.push(row);
  }
  return result;
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
      fresh: !held,
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
