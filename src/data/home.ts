/**
 * The home of a mentor's phone: the mentor's own pairs and groups with what is due, and what the curator has not got
 * yet. (The curator's «Требует внимания» reads the hooks of its areas: useConflictCount, useLastExportAt in exchange.ts.)
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DeviceRole } from '../domain/deviceRole';
import { ownMentorshipIds } from '../domain/deviceRole';
import { todayIso } from '../domain/dates';
import { mentorDay } from '../domain/mentorDay';
import { getDb } from '../storage/db';
import { getMe } from '../storage/myself';
import { pendingFor } from '../storage/bundle/exportBundle';
import { meetingsRepo, mentorshipsRepo, peopleRepo, planItemsRepo, plansRepo } from '../storage/repositories';
import { questionnairesRepo, responsesRepo } from '../storage/yearWork';

export type MentorRole = Extract<DeviceRole, { kind: 'mentor' }>;

async function loadMentorDay(role: MentorRole) {
  const [mentorships, people, meetings, plans, planItems, questionnaires, responses, me] = await Promise.all([
    mentorshipsRepo.list(),
    peopleRepo.list(),
    meetingsRepo.list(),
    plansRepo.list(),
    planItemsRepo.list(),
    questionnairesRepo.list(),
    responsesRepo.list(),
    getMe(),
  ]);
  const ids = ownMentorshipIds(role, mentorships, me);
  const byId = new Map(people.map((p) => [p.id, p]));
  const day = mentorDay({ mentorships, ids, people: byId, meetings, plans, planItems, questionnaires, responses, today: todayIso() });
  const pending = role.curatorDeviceId ? await pendingFor(getDb(), ids, role.curatorDeviceId) : null;
  return { ids, day, byId, me: me ? byId.get(me) : undefined, pending, others: mentorships.length - ids.length };
}

/**
 * A mentor's day on the phone, followed live: the ids of the mentor's own pairs and groups (`ids`), each with what is
 * due (`day`), the participants by id, who holds the phone (`me`), how many records the curator's device has not
 * got (`pending`, `null` when the phone knows no curator's device) and how many pairs of colleagues it holds.
 */
export function useMentorDay(role: MentorRole) {
  return useLiveQuery(() => loadMentorDay(role), [role]);
}
