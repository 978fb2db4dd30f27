/** One pair/group and what its pages show with it, followed live; each hook is `undefined` while it is read. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../domain/meeting';
import type { Mentorship } from '../domain/mentorship';
import { DEFAULT_CONSENT_AGE, type Person } from '../domain/person';
import { peopleWithoutConsent } from '../domain/consent';
import { consentsRepo, getSchool, meetingsRepo, mentorshipsRepo, ordersRepo, peopleRepo, planItemsRepo, plansRepo } from '../storage/repositories';

/** One pair/group; `null` when there is none of this id, or no id (a new one). */
export function useMentorship(id: string | undefined): Mentorship | null | undefined {
  return useLiveQuery(() => (id ? mentorshipsRepo.get(id).then((m) => m ?? null) : null), [id]);
}

/**
 * One pair/group with its people, meetings, plans and their items, the orders that approved them and who of its
 * people lacks a consent, followed live (the pair's page). null: not found.
 */
export function useMentorshipDetails(id: string) {
  return useLiveQuery(async () => {
    const mentorship = await mentorshipsRepo.get(id);
    if (!mentorship) return null;
    const memberIds = [...mentorship.mentorIds, ...mentorship.menteeIds];
    const [members, meetings, plans, school] = await Promise.all([
      Promise.all(memberIds.map((pid) => peopleRepo.get(pid))),
      meetingsRepo.listWhere('mentorshipId', id),
      plansRepo.listWhere('mentorshipId', id),
      getSchool(),
    ]);
    plans.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const items = (await Promise.all(plans.map((p) => planItemsRepo.listWhere('planId', p.id)))).flat();
    const orders = (await Promise.all([...new Set(plans.map((p) => p.approvedByOrderId).filter(Boolean))].map((oid) => ordersRepo.get(oid)))).filter(
      (o) => !!o,
    );
    const people = new Map(members.filter((p): p is Person => !!p).map((p) => [p.id, p]));
    const consents = (await Promise.all([...people.keys()].map((pid) => consentsRepo.listWhere('personId', pid)))).flat();
    const noConsent = new Set(peopleWithoutConsent([...people.values()], consents, school?.consentAge ?? DEFAULT_CONSENT_AGE).map((p) => p.id));
    return { mentorship, people, meetings, plans, items, orders: new Map(orders.map((o) => [o.id, o])), noConsent };
  }, [id]);
}

/** What the meeting form needs: the pair/group, the meeting (null for a new one), the pair's meetings and its people. */
export interface MeetingFormData {
  mentorship: Mentorship;
  meeting: Meeting | null;
  meetings: Meeting[];
  people: Map<string, Person>;
}

async function meetingFormData(mentorshipId: string, meeting: Meeting | null): Promise<MeetingFormData | null> {
  const mentorship = await mentorshipsRepo.get(mentorshipId);
  if (!mentorship) return null;
  const ids = [...mentorship.mentorIds, ...mentorship.menteeIds];
  const [meetings, members] = await Promise.all([meetingsRepo.listWhere('mentorshipId', mentorshipId), Promise.all(ids.map((x) => peopleRepo.get(x)))]);
  return { mentorship, meeting, meetings, people: new Map(members.filter((p): p is Person => !!p).map((p) => [p.id, p])) };
}

/** The form of a new meeting of this pair/group; null when the pair/group is not found. */
export function useNewMeetingData(mentorshipId: string): MeetingFormData | null | undefined {
  return useLiveQuery(() => meetingFormData(mentorshipId, null), [mentorshipId]);
}

/** The form of a logged meeting; null when the meeting or its pair/group is not found. */
export function useMeetingData(meetingId: string): MeetingFormData | null | undefined {
  return useLiveQuery(async () => {
    const meeting = await meetingsRepo.get(meetingId);
    return meeting ? meetingFormData(meeting.mentorshipId, meeting) : null;
  }, [meetingId]);
}
