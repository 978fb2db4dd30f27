import { mentorshipInputSchema, type Mentorship, type MentorshipFields, type MentorshipStatus } from '../../domain/mentorship';
import { withStatus } from '../../domain/mentorshipList';
import { RecordRejected } from '../../domain/recordRules';
import { fieldErrors } from '../../domain/zodErrors';
import { getDb, type NastavnikDb } from '../../storage/db';
import { inTransaction, repositoryFor } from '../../storage/repository';

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
    if (!current) throw new Error('Пара или группа не найдена');
    const parsed = mentorshipInputSchema.safeParse(withStatus<MentorshipFields>(current, to, today, change));
    if (!parsed.success) throw new RecordRejected('mentorships', fieldErrors(parsed.error));
    return mentorships.save(parsed.data, id);
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
