import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../../src/storage/db';
import { repositoryFor, type Repository } from '../../../../src/storage/repository';
import { type Mentorship } from '../../../../src/domain/mentorship';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';
import { meetingInputSchema } from '../../../../src/domain/meeting.schema';
import { planInputSchema, planItemInputSchema } from '../../../../src/domain/plan.schema';
import { changeStatus, removeMentorship, restoreMentorship, saveMeeting, startAll } from '../../../../src/storage/mentorshipWrites';
import { RecordRejected } from '../../../../src/domain/recordRules';

let db: NastavnikDb;
let n = 0;
let mentorships: Repository<'mentorships'>;
let meetings: Repository<'meetings'>;
let plans: Repository<'plans'>;
let items: Repository<'planItems'>;
let pair: Mentorship;
let other: Mentorship;

beforeEach(async () => {
  db = new NastavnikDb(`mentorship-store-${++n}`);
  await db.open();
  mentorships = repositoryFor(db, 'mentorships');
  meetings = repositoryFor(db, 'meetings');
  plans = repositoryFor(db, 'plans');
  items = repositoryFor(db, 'planItems');
  [pair, other] = (await mentorships.saveMany(
    [['t1', 's1'], ['t2', 's2']].map(([t, s]) => ({ fields: mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [t!], menteeIds: [s!] }) })),
  )) as [Mentorship, Mentorship];
  await meetings.saveMany(
    [pair, pair, other].map((m, i) => ({ fields: meetingInputSchema.parse({ mentorshipId: m.id, kind: 'intro', date: `2025-10-0${i + 1}` }) })),
  );
  const [plan] = await plans.saveMany([{ fields: planInputSchema.parse({ mentorshipId: pair.id, title: 'План' }) }]);
  await items.saveMany(['a', 'b'].map((title) => ({ fields: planItemInputSchema.parse({ planId: plan!.id, title }) })));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('changeStatus', () => {
  it('starts work on the day it starts, then interrupts it with a reason and an end date', async () => {
    const active = await changeStatus(pair.id, 'active', '2025-10-01', {}, db);
    expect(active).toMatchObject({ status: 'active', startDate: '2025-10-01' });
    const stopped = await changeStatus(pair.id, 'interrupted', '2025-11-20', { endReason: 'Переезд семьи' }, db);
    expect(stopped).toMatchObject({ status: 'interrupted', endDate: '2025-11-20', endReason: 'Переезд семьи' });
    expect((await mentorships.get(pair.id))!.status).toBe('interrupted');
  });

  it('refuses an interruption without a reason, and writes nothing', async () => {
    await changeStatus(pair.id, 'active', '2025-10-01', {}, db);
    const before = await mentorships.get(pair.id);
    const err = await changeStatus(pair.id, 'interrupted', '2025-11-20', { endReason: ' ' }, db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordRejected);
    expect((err as RecordRejected).errors.endReason).toBe('Укажите причину, по которой работа прервана');
    expect(await mentorships.get(pair.id)).toEqual(before);
  });

  it('refuses a move back from a finished pair', async () => {
    await changeStatus(pair.id, 'active', '2025-10-01', {}, db);
    await changeStatus(pair.id, 'finished', '2026-05-20', {}, db);
    await expect(changeStatus(pair.id, 'active', '2026-05-21', {}, db)).rejects.toThrow();
  });
});

describe('removeMentorship and restoreMentorship', () => {
  it('tombstones the pair with its meetings, plan and items together, and «Вернуть» brings back exactly those', async () => {
    const removed = await removeMentorship(pair.id, db);
    expect(removed.meetingIds).toHaveLength(2);
    expect(removed.planIds).toHaveLength(1);
    expect(removed.itemIds).toHaveLength(2);
    expect((await mentorships.list()).map((m) => m.id)).toEqual([other.id]);
    expect(await meetings.list()).toHaveLength(1);
    expect(await plans.list()).toHaveLength(0);
    expect(await items.list()).toHaveLength(0);
    // Tombstones, not deletions: they travel to other devices.
    expect(await db.meetings.count()).toBe(3);
    expect((await db.mentorships.get(pair.id))!.deleted).toBe(true);

    await restoreMentorship(removed, db);
    expect(await mentorships.list()).toHaveLength(2);
    expect(await meetings.list()).toHaveLength(3);
    expect(await plans.list()).toHaveLength(1);
    expect(await items.list()).toHaveLength(2);
  });

  it('leaves a meeting deleted before the pair deleted after «Вернуть»', async () => {
    const [first] = await meetings.listWhere('mentorshipId', pair.id);
    await meetings.remove(first!.id);
    const removed = await removeMentorship(pair.id, db);
    await restoreMentorship(removed, db);
    expect(await meetings.listWhere('mentorshipId', pair.id)).toHaveLength(1);
  });
});

describe('startAll', () => {
  it('starts every forming pair at once, today where no start date is set, and leaves others as they are', async () => {
    await changeStatus(other.id, 'active', '2025-09-15', {}, db);
    const [third] = await mentorships.saveMany([
      { fields: mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t3'], menteeIds: ['s3'], startDate: '2025-10-05' }) },
    ]);
    const started = await startAll([pair.id, other.id, third!.id], '2025-10-10', db);
    expect(started).toBe(2);
    expect(await mentorships.get(pair.id)).toMatchObject({ status: 'active', startDate: '2025-10-10' });
    expect(await mentorships.get(third!.id)).toMatchObject({ status: 'active', startDate: '2025-10-05' });
    expect(await mentorships.get(other.id)).toMatchObject({ status: 'active', startDate: '2025-09-15' });
    expect(await startAll([pair.id], '2025-10-11', db)).toBe(0);
  });
});

describe('saveMeeting', () => {
  const fields = (date: string) => meetingInputSchema.parse({ mentorshipId: pair.id, kind: 'trial', date });
  it('moves the pair’s start to an earlier meeting when asked, in the same write; never to a later date', async () => {
    await changeStatus(pair.id, 'active', '2025-10-10', {}, db);
    await saveMeeting(fields('2025-10-12'), undefined, { moveStartTo: '2025-10-12' }, db);
    expect((await mentorships.get(pair.id))!.startDate).toBe('2025-10-10');
    await saveMeeting(fields('2025-10-03'), undefined, {}, db);
    expect((await mentorships.get(pair.id))!.startDate).toBe('2025-10-10');
    await saveMeeting(fields('2025-10-02'), undefined, { moveStartTo: '2025-10-02' }, db);
    expect((await mentorships.get(pair.id))!.startDate).toBe('2025-10-02');
    expect((await meetings.listWhere('mentorshipId', pair.id)).map((m) => m.date).sort()).toEqual(['2025-10-01', '2025-10-02', '2025-10-02', '2025-10-03', '2025-10-12']);
  });
});
