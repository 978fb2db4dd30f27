import { newId, stripEnvelope } from '../domain/envelope';
import type { Order, OrderFields } from '../domain/order';
import type { Plan } from '../domain/plan';
import { approvedPlan, itemsByPlan, unapprovedPlan } from '../domain/orderPreparation';
import { getDb, type NastavnikDb } from './db';
import { inTransaction, repositoryFor } from './repository';

/**
 * Saves an order in one transaction with what it does: an approval order marks each covered plan approved (the
 * order's id and the digest of the plan's items as they are now). Either all of it lands or none of it.
 * The plans are read inside the transaction, so the digest is of the items the order really approves.
 */
export async function createOrder(fields: OrderFields, db: NastavnikDb = getDb()): Promise<Order> {
  const orders = repositoryFor(db, 'orders');
  const plans = repositoryFor(db, 'plans');
  const items = repositoryFor(db, 'planItems');
  const recognitions = repositoryFor(db, 'recognitions');
  return inTransaction(db, ['orders', 'plans', 'planItems', 'recognitions'], async () => {
    const id = newId();
    if (fields.kind === 'rewardMentors') {
      // Each recognition the order gives keeps the order's id: it is then «по приказу № …» and not offered again.
      const given = (await recognitions.getMany(fields.recognitionIds)).filter((r) => fields.recognitionIds.includes(r.id));
      const order = await orders.save({ ...fields, mentorshipIds: [], planIds: [], recognitionIds: given.map((r) => r.id) }, id);
      await recognitions.saveMany(given.map((r) => ({ fields: { ...stripEnvelope(r), orderId: id }, id: r.id })));
      return order;
    }
    if (fields.kind !== 'approvePlans') return orders.save({ ...fields, planIds: [], recognitionIds: [] }, id);

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

/**
 * Deletes an order (a tombstone), returns the plans it approved to drafts and the recognitions it gave to «без
 * приказа», in one transaction.
 */
export async function removeOrder(orderId: string, db: NastavnikDb = getDb()): Promise<void> {
  const orders = repositoryFor(db, 'orders');
  const plans = repositoryFor(db, 'plans');
  const recognitions = repositoryFor(db, 'recognitions');
  await inTransaction(db, ['orders', 'plans', 'recognitions'], async () => {
    const approved = (await plans.list()).filter((p) => p.approvedByOrderId === orderId);
    await plans.saveMany(approved.map((p) => ({ fields: unapprovedPlan(p), id: p.id })));
    const given = (await recognitions.list()).filter((r) => r.orderId === orderId);
    await recognitions.saveMany(given.map((r) => ({ fields: { ...stripEnvelope(r), orderId: '' }, id: r.id })));
    await orders.remove(orderId);
  });
}
