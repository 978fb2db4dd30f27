import { type Mentorship, type MentorshipFields, type MentorshipStatus } from '../domain/mentorship';
import { mentorshipInputSchema } from '../domain/mentorship.schema';
import { withStatus } from '../domain/mentorshipList';
import type { MeetingFields } from '../domain/meeting';
import { stripEnvelope } from '../domain/envelope';
import { RecordRejected } from '../domain/recordRules';
import { fieldErrors } from '../domain/zodErrors';
import { getDb, type NastavnikDb } from './db';
import { inTransaction, repositoryFor } from './repository';
import { AppError } from '../domain/errors';

function repos(db: NastavnikDb) {
  return {
    mentorships: repositoryFor(db, 'mentorships'),
    meetings: repositoryFor(db, 'meetings'),
    plans: repositoryFor(db, 'plans'),
    items: repositoryFor(db, 'planItems'),
  };
}

/**
 * Moves a pair to another status (start, finish, interrupt with a reason), reading it inside the transaction that
 * writes it, so that a concurrent edit in another tab is not overwritten with stale fields.
 */
export async function changeStatus(
  id: string,
  to: MentorshipStatus,
  today: string,
  change: { endDate?: string; endReason?: string } = {},
  db: NastavnikDb = getDb(),
): Promise<Mentorship> {
  const { mentorships } = repos(db);
  return inTransaction(db, ['mentorships'], async () => {
    const current = await mentorships.get(id);
    if (!current) throw new AppError('notFound', 'Пара или группа не найдена');
    const parsed = mentorshipInputSchema.safeParse(withStatus<MentorshipFields>(current, to, today, change));
    if (!parsed.success) throw new RecordRejected('mentorships', fieldErrors(parsed.error));
    return mentorships.save(parsed.data, id);
  });
}

/** Starts every forming pair/group of `ids` in one transaction (all or none); returns how many started. */
export async function startAll(ids: readonly string[], today: string, db: NastavnikDb = getDb()): Promise<number> {
  const { mentorships } = repos(db);
  return inTransaction(db, ['mentorships'], async () => {
    const current = (await mentorships.getMany(ids)).filter((m) => m.status === 'forming');
    await mentorships.saveManyInTx(
      current.map((m) => {
        const parsed = mentorshipInputSchema.safeParse(withStatus<MentorshipFields>(m, 'active', today));
        if (!parsed.success) throw new RecordRejected('mentorships', fieldErrors(parsed.error));
        return { fields: parsed.data, id: m.id };
      }),
    );
    return current.length;
  });
}

/**
 * Saves a meeting; with `moveStartTo`, the pair's start moves to that (earlier) date in the same transaction, for a
 * meeting held before the pair was entered.
 */
export async function saveMeeting(
  fields: MeetingFields,
  id: string | undefined,
  opts: { moveStartTo?: string } = {},
  db: NastavnikDb = getDb(),
): Promise<void> {
  const r = repos(db);
  await inTransaction(db, ['meetings', 'mentorships'], async () => {
    await r.meetings.save(fields, id);
    if (!opts.moveStartTo) return;
    const m = await r.mentorships.get(fields.mentorshipId);
    if (m && (!m.startDate || opts.moveStartTo < m.startDate)) await r.mentorships.save({ ...stripEnvelope(m), startDate: opts.moveStartTo }, m.id);
  });
}

/** What a deletion took away, so that «Вернуть» brings back exactly that. */
export interface RemovedMentorship {
  mentorshipId: string;
  meetingIds: string[];
  planIds: string[];
  itemIds: string[];
}

/** Deletes a pair/group with its meetings, plans and plan items: tombstones, all in one transaction. */
export async function removeMentorship(id: string, db: NastavnikDb = getDb()): Promise<RemovedMentorship> {
  const r = repos(db);
  return inTransaction(db, ['mentorships', 'meetings', 'plans', 'planItems'], async () => {
    const meetings = await r.meetings.listWhere('mentorshipId', id);
    const plans = await r.plans.listWhere('mentorshipId', id);
    const items = (await Promise.all(plans.map((p) => r.items.listWhere('planId', p.id)))).flat();
    for (const x of items) await r.items.remove(x.id);
    for (const x of plans) await r.plans.remove(x.id);
    for (const x of meetings) await r.meetings.remove(x.id);
    await r.mentorships.remove(id);
    return { mentorshipId: id, meetingIds: meetings.map((x) => x.id), planIds: plans.map((x) => x.id), itemIds: items.map((x) => x.id) };
  });
}

export async function restoreMentorship(removed: RemovedMentorship, db: NastavnikDb = getDb()): Promise<void> {
  const r = repos(db);
  await inTransaction(db, ['mentorships', 'meetings', 'plans', 'planItems'], async () => {
    await r.mentorships.restore(removed.mentorshipId);
    for (const id of removed.meetingIds) await r.meetings.restore(id);
    for (const id of removed.planIds) await r.plans.restore(id);
    for (const id of removed.itemIds) await r.items.restore(id);
  });
}
