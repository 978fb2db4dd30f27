import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { markChecked } from '../../../src/storage/writePath';
import { readPairSummaries, rebuildPairSummaries } from '../../../src/storage/pairSummaries';
import { summarizeAll } from '../../../src/domain/pairSummary';

// The summaries' middleware keeps, inside a transaction that made a large write, a copy of the few fields it reads
// and rebuilds from it (src/storage/pairSummaries.ts, `Mirror`). Whatever the transaction writes after that —
// large or small, puts, deletes, a failed add, an object changed after its put — the table must end exactly as a
// rebuild from the stored records gives it. The records are written bare (markChecked: past the record rules, which
// are not under test here); only the fields the summaries read matter.

let db: NastavnikDb;
let n = 0;
beforeEach(async () => {
  db = new NastavnikDb(`pair-summaries-mirror-${++n}`);
  await db.open();
  await rebuildPairSummaries(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

type Row = Record<string, unknown> & { id: string };
const meeting = (i: number, pair: string, extra: Partial<Row> = {}): Row => ({ id: `m${i}`, mentorshipId: pair, kind: i % 7 ? 'regular' : 'final', date: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, deleted: false, ...extra });
const plan = (i: number, pair: string, extra: Partial<Row> = {}): Row => ({ id: `p${i}`, mentorshipId: pair, deleted: false, ...extra });
const item = (i: number, planId: string, extra: Partial<Row> = {}): Row => ({
  id: `i${i}`,
  planId,
  status: ['planned', 'done', 'cancelled'][i % 3],
  dueDate: i % 5 ? `2026-12-${String((i % 28) + 1).padStart(2, '0')}` : '',
  deleted: false,
  ...extra,
});
const put = (table: 'meetings' | 'plans' | 'planItems', rows: Row[]) => db.table(table).bulkPut(markChecked(rows));
const add = (table: 'meetings' | 'plans' | 'planItems', rows: Row[]) => db.table(table).bulkAdd(markChecked(rows));

/** The summaries table against a rebuild from what is stored (the pure summarizeAll), after the commit. */
async function expectExact() {
  const stored = await readPairSummaries(db);
  expect(stored).not.toBeNull();
  const [meetings, plans, items] = await Promise.all([db.meetings.toArray(), db.plans.toArray(), db.planItems.toArray()]);
  const truth = summarizeAll(meetings, plans, items).sort((a, b) => a.id.localeCompare(b.id));
  expect([...stored!.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(truth);
  return truth;
}

describe('pair summaries after large writes in one transaction (an import’s writes)', () => {
  it('meetings, plans and plan items written one after another, the first one large: exact, pair by pair', async () => {
    const pairs = Array.from({ length: 60 }, (_, i) => `pair${i}`);
    await db.transaction('rw', [db.meetings, db.plans, db.planItems], async () => {
      await put('meetings', Array.from({ length: 1500 }, (_, i) => meeting(i, pairs[i % 60]!)));
      await put('plans', pairs.map((p, i) => plan(i, p)));
      await put('planItems', Array.from({ length: 2500 }, (_, i) => item(i, `p${i % 60}`)));
    });
    const truth = await expectExact();
    expect(truth).toHaveLength(60);
    expect(truth.every((s) => s.items > 0 && s.lastMeetingDate !== null)).toBe(true);
  });

  it('after the large write: small puts, deletes, tombstones and a plan of another pair in the same transaction', async () => {
    await put('meetings', [meeting(9000, 'pairA'), meeting(9001, 'pairZ')]); // stored before: the copy must hold them
    await db.transaction('rw', [db.meetings, db.plans, db.planItems], async () => {
      await put('planItems', Array.from({ length: 1200 }, (_, i) => item(i, `p${i % 4}`)));
      await put('plans', [plan(0, 'pairA'), plan(1, 'pairB'), plan(2, 'pairC'), plan(3, 'pairD')]);
      await put('meetings', [meeting(1, 'pairB'), meeting(2, 'pairC', { kind: 'final' })]);
      await db.planItems.bulkDelete(['i0', 'i4', 'i8']);
      await put('planItems', [item(1, 'p1', { deleted: true }), item(2, 'p0', { status: 'done', dueDate: '2027-01-31' })]);
      await put('plans', [plan(3, 'pairA')]); // moved to another pair
      await put('plans', [plan(2, 'pairC', { deleted: true })]);
      await db.meetings.delete('m9001');
    });
    const truth = await expectExact();
    expect(truth.find((s) => s.id === 'pairC')).toMatchObject({ items: 0, finalHeld: true });
    expect(truth.find((s) => s.id === 'pairZ')).toBeUndefined();
    expect(truth.find((s) => s.id === 'pairA')!.maxDue).toBe('2027-01-31');
  });

  it('an add that fails (the key is taken) leaves the copy as the database is', async () => {
    await put('plans', [plan(0, 'pairA'), plan(1, 'pairB')]);
    await db.transaction('rw', [db.meetings, db.plans, db.planItems], async () => {
      await put('planItems', Array.from({ length: 1100 }, (_, i) => item(i, `p${i % 2}`)));
      // p1 exists: its add fails and the transaction goes on (Dexie's bulkAdd reports it); p2 is added.
      await add('plans', [plan(1, 'pairZ'), plan(2, 'pairC')]).catch((e: Error) => expect(e.name).toBe('BulkError'));
      await put('planItems', [item(5000, 'p2')]);
    });
    expect((await db.plans.get('p1'))!.mentorshipId).toBe('pairB');
    const truth = await expectExact();
    expect(truth.map((s) => s.id).sort()).toEqual(['pairA', 'pairB', 'pairC']);
  });

  it('a record changed by its caller after the put is summarised as it was stored', async () => {
    const rows = Array.from({ length: 1100 }, (_, i) => meeting(i, 'pairA', { kind: 'regular' }));
    await db.transaction('rw', [db.meetings, db.plans, db.planItems], async () => {
      await put('meetings', rows);
      rows[0]!.kind = 'final'; // not written again: the database keeps 'regular'
      rows[1]!.mentorshipId = 'pairB';
      await put('plans', [plan(0, 'pairA')]);
    });
    const truth = await expectExact();
    expect(truth).toHaveLength(1);
    expect(truth[0]).toMatchObject({ id: 'pairA', finalHeld: false });
  });

  it('the other side: small writes alone still recompute pair by pair, and agree', async () => {
    await db.transaction('rw', [db.meetings, db.plans, db.planItems], async () => {
      await put('plans', [plan(0, 'pairA'), plan(1, 'pairB')]);
      await put('planItems', Array.from({ length: 30 }, (_, i) => item(i, `p${i % 2}`)));
      await put('meetings', [meeting(1, 'pairA')]);
    });
    await expectExact();
  });
});
