import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_CONSENT_AGE, type Person } from '../../domain/person';
import { peopleWithoutConsent } from '../../domain/consent';
import { consentsRepo, getSchool, meetingsRepo, mentorshipsRepo, ordersRepo, peopleRepo, planItemsRepo, plansRepo } from '../../storage/repositories';

/** One pair/group with its people, meetings, plans and their items, followed live. null: not found. */
export function useMentorship(id: string) {
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
