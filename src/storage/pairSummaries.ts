import type Dexie from 'dexie';
import type { DBCore, DBCoreIndex, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import { summarizeAll, summarizePair, type PairSummary } from '../domain/pairSummary';
import type { NastavnikDb } from './db';

/**
 * The pairs' summaries (src/domain/pairSummary.ts) kept current in the same transaction as every write of meetings,
 * plans and plan items — whatever writes them: a form, an import, an undo, an erasure. A Dexie middleware widens each
 * readwrite transaction over those tables to the summaries, and after each write recomputes the summaries of the
 * pairs it touched (their meetings, plans and items read by index). «Требует внимания» then reads one row per pair
 * instead of the whole year's meetings and plan items (bench/overview.mjs).
 *
 * `meta.pairSummaries` says the table is complete; it is set by a full rebuild (`rebuildPairSummaries`) and removed
 * by anything that writes those tables without the middleware's care: a database upgrade, a hard delete of a range.
 * Until it is set the overview rebuilds the summaries once from all the records.
 *
 * A large write (an import) rebuilds the whole table. The first one in a transaction reads the three tables once and
 * keeps, for the rest of that transaction, the few fields the summaries read of every row (`Mirror`); it and every
 * later write of the same transaction update that copy and rebuild from it, instead of reading back from IndexedDB
 * what the transaction has just written. An import writes meetings, then plans, then plan items: reading the
 * 28,000 rows back after each cost ~0.7 s of a 3.4 s import of the synthetic school (bench/bundle.mjs, issue 14).
 */

export const SUMMARY_TABLE = 'pairSummaries';
/** Bumped when the summary's shape or rules change: a stored table of another version is rebuilt. */
export const SUMMARY_VERSION = 1;
const FLAG = 'pairSummaries';
const SOURCES = new Set(['meetings', 'plans', 'planItems']);
/** Writes touching more pairs than this rebuild the whole table (an import): three reads instead of thousands. */
const BULK_PAIRS = 48;
const BULK_VALUES = 1000;

type Row = Record<string, unknown> & { id: string; deleted?: boolean };

const equal = (value: unknown): DBCoreKeyRange => ({ type: 1 /* DBCoreRangeType.Equal */, lower: value, upper: value });
const ANY: DBCoreKeyRange = { type: 3 /* DBCoreRangeType.Any */, lower: undefined, upper: undefined };

function index(table: DBCoreTable, keyPath: string | null): DBCoreIndex {
  const i = keyPath === null ? table.schema.primaryKey : table.schema.getIndexByKeyPath(keyPath);
  if (!i) throw new Error(`${table.name}: нет индекса ${keyPath}`);
  return i;
}

async function where(core: DBCore, trans: DBCoreTransaction, table: string, keyPath: string, value: unknown): Promise<Row[]> {
  const t = core.table(table);
  return (await t.query({ trans, values: true, query: { index: index(t, keyPath), range: equal(value) } })).result as Row[];
}

async function all(core: DBCore, trans: DBCoreTransaction, table: string): Promise<Row[]> {
  const t = core.table(table);
  return (await t.query({ trans, values: true, query: { index: index(t, null), range: ANY } })).result as Row[];
}

type MeetingRow = Parameters<typeof summarizePair>[1][number];
type PlanRow = Parameters<typeof summarizePair>[2][number];
type ItemRow = Parameters<typeof summarizePair>[3][number];

/** Recomputes the summaries of these pairs from their records, in the transaction of the write. */
async function recompute(core: DBCore, trans: DBCoreTransaction, pairs: ReadonlySet<string>): Promise<void> {
  const values: PairSummary[] = [];
  for (const id of pairs) {
    const [meetings, plans] = await Promise.all([where(core, trans, 'meetings', 'mentorshipId', id), where(core, trans, 'plans', 'mentorshipId', id)]);
    const live = plans.filter((p) => !p.deleted);
    const items = (await Promise.all(live.map((p) => where(core, trans, 'planItems', 'planId', p.id)))).flat();
    values.push(summarizePair(id, meetings as unknown as MeetingRow[], live as unknown as PlanRow[], items as unknown as ItemRow[]));
  }
  if (values.length) await core.table(SUMMARY_TABLE).mutate({ type: 'put', trans, values });
}

/** Every summary again from every record, in `trans`; the table is then complete. */
async function rebuildAll(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  const [meetings, plans, items] = await Promise.all([all(core, trans, 'meetings'), all(core, trans, 'plans'), all(core, trans, 'planItems')]);
  await writeAll(core, trans, meetings, plans, items);
}

async function writeAll(core: DBCore, trans: DBCoreTransaction, meetings: Iterable<Row>, plans: Iterable<Row>, items: Iterable<Row>): Promise<void> {
  const values = summarizeAll([...meetings] as unknown as MeetingRow[], [...plans] as unknown as PlanRow[], [...items] as unknown as ItemRow[]);
  const summaries = core.table(SUMMARY_TABLE);
  await summaries.mutate({ type: 'deleteRange', trans, range: ANY });
  if (values.length) await summaries.mutate({ type: 'put', trans, values });
  await core.table('meta').mutate({ type: 'put', trans, values: [{ key: FLAG, value: SUMMARY_VERSION }] });
}

type Source = 'meetings' | 'plans' | 'planItems';
/** The fields `summarizePair` reads of each source table's rows (copied: a caller may change its object after the put). */
const FIELDS: Record<Source, readonly string[]> = {
  meetings: ['id', 'deleted', 'mentorshipId', 'kind', 'date'],
  plans: ['id', 'deleted', 'mentorshipId'],
  planItems: ['id', 'deleted', 'planId', 'status', 'dueDate'],
};
function project(table: Source, row: Row): Row {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[table]) if (f in row) out[f] = row[f];
  return out as Row;
}

/** The source tables' rows as the transaction has left them so far, by id (only the fields in `FIELDS`). */
type Mirror = Record<Source, Map<string, Row>>;
/** Per readwrite transaction (DBCore's, i.e. the IDBTransaction) that made a large write; gone with it. */
const mirrors = new WeakMap<object, Mirror>();

async function readMirror(core: DBCore, trans: DBCoreTransaction): Promise<Mirror> {
  const [meetings, plans, items] = await Promise.all([all(core, trans, 'meetings'), all(core, trans, 'plans'), all(core, trans, 'planItems')]);
  const byId = (table: Source, rows: Row[]) => new Map(rows.map((r) => [r.id, project(table, r)]));
  return { meetings: byId('meetings', meetings), plans: byId('plans', plans), planItems: byId('planItems', items) };
}

/** What a put, add or delete (not a range) did to the table, applied to the copy; failed operations left out. */
function mirrorWrite(mirror: Mirror, table: Source, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
  const rows = mirror[table];
  const failed = (i: number) => !!res.failures?.[i];
  if (req.type === 'delete') {
    req.keys.forEach((k, i) => {
      if (!failed(i)) rows.delete(k as string);
    });
  } else if (req.type === 'put' || req.type === 'add') {
    (req.values as Row[]).forEach((v, i) => {
      if (failed(i)) return;
      const id = (req.keys?.[i] ?? res.results?.[i] ?? v.id) as string;
      rows.set(id, project(table, { ...v, id }));
    });
  }
}

/** The pairs a write of `table` touches: those of the records before and after it. */
async function touchedPairs(core: DBCore, trans: DBCoreTransaction, table: string, before: readonly (Row | undefined)[], after: readonly Row[]): Promise<Set<string>> {
  const rows = [...before.filter((r): r is Row => !!r), ...after];
  if (table !== 'planItems') return new Set(rows.map((r) => r.mentorshipId).filter((x): x is string => typeof x === 'string'));
  const planIds = [...new Set(rows.map((r) => r.planId).filter((x): x is string => typeof x === 'string'))];
  const plans = (await core.table('plans').getMany({ trans, keys: planIds })) as (Row | undefined)[];
  return new Set(plans.map((p) => p?.mentorshipId).filter((x): x is string => typeof x === 'string'));
}

export function installPairSummaries(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'nastavnik-pair-summaries',
    create(down) {
      const hasSummaries = down.schema.tables.some((t) => t.name === SUMMARY_TABLE);
      return {
        ...down,
        transaction(stores, mode, options) {
          if (hasSummaries && mode === 'readwrite' && stores.some((s) => SOURCES.has(s))) {
            stores = [...new Set([...stores, ...SOURCES, SUMMARY_TABLE, 'meta'])];
          }
          return down.transaction(stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!hasSummaries || !SOURCES.has(name)) return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const trans = req.trans;
              if ((trans as { mode?: string }).mode === 'versionchange') {
                // An upgrade writes below this middleware's care: the overview rebuilds the table after it.
                const res = await table.mutate(req);
                await down.table('meta').mutate({ type: 'delete', trans, keys: [FLAG] });
                return res;
              }
              const source = name as Source;
              if (req.type === 'deleteRange') {
                mirrors.delete(trans);
                const res = await table.mutate(req);
                await rebuildAll(down, trans);
                return res;
              }
              const values = req.type === 'delete' ? [] : (req.values as Row[]);
              const keys = req.type === 'delete' ? req.keys : (req.keys ?? values.map((v) => v.id));
              let mirror = mirrors.get(trans);
              if (!mirror && keys.length > BULK_VALUES) {
                // The first large write of this transaction: the tables as they are before it, read once.
                mirror = await readMirror(down, trans);
                mirrors.set(trans, mirror);
              }
              if (mirror) {
                const res = await table.mutate(req);
                mirrorWrite(mirror, source, req, res);
                await writeAll(down, trans, mirror.meetings.values(), mirror.plans.values(), mirror.planItems.values());
                return res;
              }
              const before = (await table.getMany({ trans, keys })) as (Row | undefined)[];
              const res = await table.mutate(req);
              const pairs = await touchedPairs(down, trans, name, before, values);
              if (pairs.size > BULK_PAIRS) {
                // Rebuilt from a copy read now, after the write; later writes of this transaction keep it current.
                const copy = await readMirror(down, trans);
                mirrors.set(trans, copy);
                await writeAll(down, trans, copy.meetings.values(), copy.plans.values(), copy.planItems.values());
              } else await recompute(down, trans, pairs);
              return res;
            },
          };
        },
      };
    },
  });
}

/** The summaries, when the table is complete; `null` until `rebuildPairSummaries` has run (read-only: a live query). */
export async function readPairSummaries(db: NastavnikDb): Promise<Map<string, PairSummary> | null> {
  const flag = await db.meta.get(FLAG);
  if (flag?.value !== SUMMARY_VERSION) return null;
  return new Map((await db.pairSummaries.toArray()).map((s) => [s.id, s]));
}

/** Builds the whole table from every meeting, plan and item (once: after an upgrade, or on an older database). */
export async function rebuildPairSummaries(db: NastavnikDb): Promise<void> {
  await db.transaction('rw', [db.meetings, db.plans, db.planItems, db.pairSummaries, db.meta], async (tx) => {
    const flag = await db.meta.get(FLAG);
    if (flag?.value === SUMMARY_VERSION) return;
    const [meetings, plans, items] = await Promise.all([db.meetings.toArray(), db.plans.toArray(), db.planItems.toArray()]);
    await db.pairSummaries.clear();
    await db.pairSummaries.bulkPut(summarizeAll(meetings, plans, items));
    await db.meta.put({ key: FLAG, value: SUMMARY_VERSION });
    void tx;
  });
}
