import { newId } from '../../domain/envelope';
import type { Order, OrderFields } from '../../domain/order';
import type { Plan, PlanItem } from '../../domain/plan';
import { approvedPlan, itemsByPlan, unapprovedPlan } from '../../domain/orderPreparation';
import { getDb, type NastavnikDb } from '../../storage/db';
import { inTransaction, repositoryFor } from '../../storage/repository';

/**
 * Saves an order in one transaction with what it does: an approval order marks each covered plan approved (the
 * order's id and the digest of the plan's items as they are now). Either all of it lands or none of it.
 * The plans are read inside the transaction, so the digest is of the items the order really approves.
 */
export async function createOrder(fields: OrderFields, db: NastavnikDb = getDb()): Promise<Order> {
  const orders = repositoryFor<Order>(db, 'orders');
  const plans = repositoryFor<Plan>(db, 'plans');
  const items = repositoryFor<PlanItem>(db, 'planItems');
  return inTransaction(db, ['orders', 'plans', 'planItems'], async () => {
    const id = newId();
    if (fields.kind !== 'approvePlans') return orders.save({ ...fields, planIds: [] }, id);

    const approvals: { fields: Plan; id: string }[] = [];
    for (const mentorshipId of new Set(fields.mentorshipIds)) {
      for (const plan of await plans.listWhere('mentorshipId', mentorshipId)) {
        const own = itemsByPlan(await items.listWhere('planId', plan.id)).get(plan.id) ?? [];
        if (!own.some((i) => i.status !== 'cancelled')) continue;
        approvals.push({ fields: approvedPlan(plan, own, id), id: plan.id });
      }
    }
    const order = await orders.save({ ...fields, planIds: approvals.map((a) => a.id) }, id);
    await plans.saveMany(approvals);
    return order;
  });
}

/** Deletes an order (a tombstone) and returns the plans it approved to drafts, in one transaction. */
export async function removeOrder(orderId: string, db: NastavnikDb = getDb()): Promise<void> {
  const orders = repositoryFor<Order>(db, 'orders');
  const plans = repositoryFor<Plan>(db, 'plans');
  await inTransaction(db, ['orders', 'plans'], async () => {
    const approved = (await plans.list()).filter((p) => p.approvedByOrderId === orderId);
    await plans.saveMany(approved.map((p) => ({ fields: unapprovedPlan(p), id: p.id })));
    await orders.remove(orderId);
  });
}
