/** Individual plans and their items, followed live; each hook is `undefined` while it is read. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../domain/person';
import type { Plan, PlanItem } from '../domain/plan';
import { mentorshipsRepo, ordersRepo, peopleRepo, planItemsRepo, plansRepo } from '../storage/repositories';

/** Every live plan of every pair/group. */
export function usePlans(): Plan[] | undefined {
  return useLiveQuery(() => plansRepo.list(), []);
}

/** Every live item of every plan. */
export function usePlanItems(): PlanItem[] | undefined {
  return useLiveQuery(() => planItemsRepo.list(), []);
}

/**
 * A pair's plans (oldest first), their items in order, the orders that approved them, and the members; `null` when
 * the pair/group is not found.
 */
export function usePlanData(mentorshipId: string) {
  return useLiveQuery(async () => {
    const mentorship = await mentorshipsRepo.get(mentorshipId);
    if (!mentorship) return null;
    const plans = (await plansRepo.listWhere('mentorshipId', mentorshipId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const items = (await Promise.all(plans.map((p) => planItemsRepo.listWhere('planId', p.id))))
      .flat()
      .sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
    const orders = (await Promise.all([...new Set(plans.map((p) => p.approvedByOrderId).filter(Boolean))].map((id) => ordersRepo.get(id)))).filter(
      (o) => !!o,
    );
    const members = await Promise.all([...mentorship.mentorIds, ...mentorship.menteeIds].map((id) => peopleRepo.get(id)));
    return {
      mentorship,
      plans,
      items,
      orders: new Map(orders.map((o) => [o.id, o])),
      people: new Map(members.filter((p): p is Person => !!p).map((p) => [p.id, p])),
    };
  }, [mentorshipId]);
}
