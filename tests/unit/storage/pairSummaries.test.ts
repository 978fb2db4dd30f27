import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { Repository } from '../../../src/storage/repository';
import { readPairSummaries, rebuildPairSummaries } from '../../../src/storage/pairSummaries';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { type PlanItemFields } from '../../../src/domain/plan';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan.schema';
import { buildMentorshipRows } from '../../../src/domain/mentorshipList';
import { summaryWarnings } from '../../../src/domain/pairSummary';
import { countRowWarnings } from '../../../src/domain/attention';

let db: NastavnikDb;
let n = 0;

beforeEach(async () => {
  db = new NastavnikDb(`pair-summaries-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const repos = () => ({
  mentorships: new Repository(db, 'mentorships'),
  meetings: new Repository(db, 'meetings'),
  plans: new Repository(db, 'plans'),
  items: new Repository(db, 'planItems'),
});

/** The full computation (every record) and the fast one (the summaries), per pair, on `today`. */
async function both(today: string) {
  const [mentorships, meetings, plans, items] = await Promise.all([
    new Repository(db, 'mentorships').list(),
    new Repository(db, 'meetings').list(),
    new Repository(db, 'plans').list(),
    new Repository(db, 'planItems').list(),
  ]);
  const full = buildMentorshipRows({ mentorships, meetings, plans, items, people: new Map(), formNames: new Map(), today });
  const summaries = await readPairSummaries(db);
  expect(summaries).not.toBeNull();
  const fast = mentorships.map((m) => ({ mentorship: m, warnings: summaryWarnings(m, summaries!.get(m.id), today) }));
  return {
    full: Object.fromEntries(full.map((r) => [r.mentorship.title, r.warnings])),
    fast: Object.fromEntries(fast.map((r) => [r.mentorship.title, r.warnings])),
    fullCounts: countRowWarnings(full),
    fastCounts: countRowWarnings(fast),
  };
}

async function expectSame(today: string) {
  const r = await both(today);
  expect(r.fast).toEqual(r.full);
  expect(r.fastCounts).toEqual(r.fullCounts);
  return r;
}

async function pair(title: string, status: 'active' | 'forming' | 'finished' | 'interrupted', startDate = '2026-09-01') {
  return repos().mentorships.save(mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [`t-${title}`], menteeIds: [`s-${title}`], status, title, startDate, ...(status === 'finished' || status === 'interrupted' ? { endDate: '2026-12-01', endReason: 'Переезд' } : {}) }));
}
const item = (planId: string, f: Partial<PlanItemFields>) => planItemInputSchema.parse({ planId, title: 'Пункт', ...f });

describe('pair summaries: the fast path of «Требует внимания» gives the full computation’s marks', () => {
  it('on both sides of the 30 days without a meeting, and of «never met» since the start', async () => {
    await rebuildPairSummaries(db); // an empty table, complete: from here on the middleware keeps it
    const { meetings } = repos();
    const met = await pair('met', 'active');
    const never = await pair('never', 'active', '2026-10-10');
    await pair('forming', 'forming');
    await meetings.save(meetingInputSchema.parse({ mentorshipId: met.id, kind: 'intro', date: '2026-10-01' }));
    await meetings.save(meetingInputSchema.parse({ mentorshipId: met.id, kind: 'planning', date: '2026-10-10' }));
    // 29 days after the last meeting and the start of «never»: no mark; 30 days: both marked.
    expect((await expectSame('2026-11-08')).fastCounts.notMeeting).toBe(0);
    const at30 = await expectSame('2026-11-09');
    expect(at30.fast.met).toEqual([{ kind: 'notMet', days: 30 }]);
    expect(at30.fast.never).toEqual([{ kind: 'neverMet', days: 30 }]);
    expect(never.id).toBeTruthy();
    // A newer meeting, then its deletion: the last date follows both.
    const late = await meetings.save(meetingInputSchema.parse({ mentorshipId: met.id, kind: 'work', date: '2026-11-05' }));
    expect((await expectSame('2026-11-09')).fast.met).toEqual([]);
    await meetings.remove(late.id);
    expect((await expectSame('2026-11-09')).fast.met).toEqual([{ kind: 'notMet', days: 30 }]);
    await meetings.restore(late.id);
    expect((await expectSame('2026-11-09')).fast.met).toEqual([]);
  });

  it('on both sides of a due date (overdue), of the plan’s last date (all due) and of 90 %', async () => {
    await rebuildPairSummaries(db);
    const { plans, items, meetings } = repos();
    const a = await pair('a', 'active');
    const b = await pair('b', 'finished');
    const c = await pair('c', 'interrupted');
    const pa = await plans.save(planInputSchema.parse({ mentorshipId: a.id, title: 'План' }));
    const pb = await plans.save(planInputSchema.parse({ mentorshipId: b.id, title: 'План' }));
    const pc = await plans.save(planInputSchema.parse({ mentorshipId: c.id, title: 'План' }));
    await meetings.save(meetingInputSchema.parse({ mentorshipId: a.id, kind: 'intro', date: '2026-12-01' }));
    const [a1] = await items.saveMany([
      { fields: item(pa.id, { dueDate: '2026-12-10', status: 'planned' }) },
      { fields: item(pa.id, { dueDate: '2026-12-05', status: 'done' }) },
      { fields: item(pa.id, { dueDate: '', status: 'cancelled' }) },
    ]);
    await items.saveMany([
      { fields: item(pb.id, { dueDate: '2026-12-10', status: 'done' }) },
      { fields: item(pb.id, { dueDate: '', status: 'planned' }) },
    ]);
    await items.save(item(pc.id, { dueDate: '2026-12-01', status: 'planned' }));
    for (const today of ['2026-12-09', '2026-12-10', '2026-12-11']) await expectSame(today);
    // The day before the plan's last due date it is under way; on that date under 90 % counts; the day after, overdue.
    expect((await expectSame('2026-12-09')).fast.a).toEqual([]);
    expect((await expectSame('2026-12-10')).fast.a).toEqual([{ kind: 'planUnder90', share: 0.5 }]);
    expect((await expectSame('2026-12-11')).fast.a).toEqual([{ kind: 'planOverdue', count: 1 }]);
    expect((await expectSame('2026-12-11')).fast.b).toEqual([{ kind: 'planUnder90', share: 0.5 }]);
    expect((await expectSame('2026-12-11')).fast.c).toEqual([]);
    // Done: no longer overdue; a final meeting makes the share final (here 100 %: no mark).
    await items.save({ ...item(pa.id, { dueDate: '2026-12-10', status: 'done' }) }, a1!.id);
    await meetings.save(meetingInputSchema.parse({ mentorshipId: a.id, kind: 'final', date: '2026-12-12' }));
    expect((await expectSame('2026-12-13')).fast.a).toEqual([]);
    // The plan deleted: its items no longer count.
    await plans.remove(pb.id);
    expect((await expectSame('2026-12-13')).fast.b).toEqual([]);
    await plans.restore(pb.id);
    expect((await expectSame('2026-12-13')).fast.b).toEqual([{ kind: 'planUnder90', share: 0.5 }]);
  });

  it('a bulk write (an import’s size) rebuilds the table in its transaction; a rebuild from scratch agrees', async () => {
    await rebuildPairSummaries(db);
    const { plans, items } = repos();
    const pairs = await Promise.all(Array.from({ length: 4 }, (_, i) => pair(`p${i}`, 'active')));
    const ps = await plans.saveMany(pairs.map((p) => ({ fields: planInputSchema.parse({ mentorshipId: p.id, title: 'План' }) })));
    await items.saveMany(
      Array.from({ length: 1200 }, (_, i) => ({ fields: item(ps[i % 4]!.id, { dueDate: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`, status: i % 3 ? 'planned' : 'done' }) })),
    );
    const before = await expectSame('2026-12-15');
    await db.meta.delete('pairSummaries');
    expect(await readPairSummaries(db)).toBeNull();
    await rebuildPairSummaries(db);
    expect((await both('2026-12-15')).fast).toEqual(before.fast);
  });
});
