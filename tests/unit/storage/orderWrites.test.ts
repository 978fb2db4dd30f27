import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { repositoryFor, type Repository } from '../../../src/storage/repository';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { approvalState } from '../../../src/domain/plan';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan.schema';
import { orderInputSchema } from '../../../src/domain/order.schema';
import { createOrder, removeOrder } from '../../../src/storage/orderWrites';
import { recognitionsForOrder } from '../../../src/domain/recognition';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';

let db: NastavnikDb;
let n = 0;
let mentorships: Repository<'mentorships'>;
let plans: Repository<'plans'>;
let items: Repository<'planItems'>;
let orders: Repository<'orders'>;
let ids: { m1: string; m2: string; m3: string; p1: string; p2: string; p3: string };

beforeEach(async () => {
  db = new NastavnikDb(`orders-test-${++n}`);
  await db.open();
  mentorships = repositoryFor(db, 'mentorships');
  plans = repositoryFor(db, 'plans');
  items = repositoryFor(db, 'planItems');
  orders = repositoryFor(db, 'orders');
  const [m1, m2, m3] = await mentorships.saveMany(
    [['t1', 's1'], ['t2', 's2'], ['t3', 's3']].map(([t, s]) => ({
      fields: mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [t!], menteeIds: [s!], status: 'active' }),
    })),
  );
  const [p1, p2, p3] = await plans.saveMany([m1!, m2!, m3!].map((m) => ({ fields: planInputSchema.parse({ mentorshipId: m.id, title: 'План' }) })));
  await items.saveMany(
    [
      { planId: p1!.id, title: 'Знакомство' },
      { planId: p1!.id, title: 'Проект', status: 'done' },
      { planId: p2!.id, title: 'Олимпиада' },
      { planId: p3!.id, title: 'Отменено', status: 'cancelled' },
    ].map((i) => ({ fields: planItemInputSchema.parse(i) })),
  );
  ids = { m1: m1!.id, m2: m2!.id, m3: m3!.id, p1: p1!.id, p2: p2!.id, p3: p3!.id };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const approval = (mentorshipIds: string[]) =>
  orderInputSchema.parse({ kind: 'approvePlans', number: '112-од', date: '2025-11-25', title: 'Об утверждении индивидуальных планов', mentorshipIds });

async function stateOf(planId: string) {
  const p = (await plans.get(planId))!;
  return { orderId: p.approvedByOrderId, state: approvalState(p, await items.listWhere('planId', planId)) };
}

describe('an order approving plans', () => {
  it('saves the order and marks each covered plan approved with its items’ digest', async () => {
    const order = await createOrder(approval([ids.m1, ids.m2, ids.m3]), db);
    expect(await orders.get(order.id)).toMatchObject({ number: '112-од', mentorshipIds: [ids.m1, ids.m2, ids.m3] });
    // The plan whose only item is cancelled has nothing to approve.
    expect(order.planIds).toEqual([ids.p1, ids.p2]);
    expect(await stateOf(ids.p1)).toEqual({ orderId: order.id, state: 'approved' });
    expect(await stateOf(ids.p2)).toEqual({ orderId: order.id, state: 'approved' });
    expect(await stateOf(ids.p3)).toEqual({ orderId: '', state: 'draft' });
  });

  it('leaves plans of pairs it does not cover alone', async () => {
    await createOrder(approval([ids.m2]), db);
    expect((await stateOf(ids.p1)).state).toBe('draft');
    expect((await stateOf(ids.p2)).state).toBe('approved');
  });

  it('shows a later edit of an approved plan as such, and marking progress does not count as one', async () => {
    await createOrder(approval([ids.m1]), db);
    const [first] = await items.listWhere('planId', ids.p1);
    await items.save({ ...first!, status: 'done' }, first!.id);
    expect((await stateOf(ids.p1)).state).toBe('approved');
    await items.save(planItemInputSchema.parse({ planId: ids.p1, title: 'Новый пункт' }));
    expect((await stateOf(ids.p1)).state).toBe('changedAfterApproval');
  });

  it('changes nothing when a write fails midway', async () => {
    const before = { plans: await db.plans.toArray(), orders: await db.orders.toArray(), meta: await db.meta.toArray() };
    let writes = 0;
    // The second plan's write fails after the order and the first plan were written in the same transaction.
    db.plans.hook('updating', () => {
      if (++writes === 2) throw new Error('диск переполнен');
    });
    await expect(createOrder(approval([ids.m1, ids.m2]), db)).rejects.toThrow('диск переполнен');
    expect(writes).toBe(2);
    expect(await db.orders.toArray()).toEqual(before.orders);
    expect(await db.plans.toArray()).toEqual(before.plans);
    expect(await db.meta.toArray()).toEqual(before.meta);
  });

  it('a fixing order writes no approvals', async () => {
    const order = await createOrder({ ...approval([ids.m1]), kind: 'fixMentorships', title: 'О закреплении' }, db);
    expect(order.planIds).toEqual([]);
    expect((await stateOf(ids.p1)).state).toBe('draft');
  });

  it('deleting the order returns its plans to drafts, in one go', async () => {
    const order = await createOrder(approval([ids.m1, ids.m2]), db);
    const other = await createOrder({ ...approval([ids.m1]), number: '113-од' }, db);
    await removeOrder(order.id, db);
    expect(await orders.get(order.id)).toBeUndefined();
    expect((await db.orders.get(order.id))?.deleted).toBe(true);
    // p1 was approved again by the later order, which stays.
    expect(await stateOf(ids.p1)).toEqual({ orderId: other.id, state: 'approved' });
    expect(await stateOf(ids.p2)).toEqual({ orderId: '', state: 'draft' });
  });
});

describe('an order rewarding mentors', () => {
  const reward = (recognitionIds: string[]) =>
    orderInputSchema.parse({ kind: 'rewardMentors', number: '140-од', date: '2026-05-25', title: 'О поощрении наставников', recognitionIds, mentorshipIds: ['ignored'] });

  it('gives the ticked recognitions its id in the same transaction; deleting it takes them back', async () => {
    const recognitions = repositoryFor(db, 'recognitions');
    const [r1, r2] = await recognitions.saveMany(
      [
        { personId: 't1', kind: 'certificate', reason: 'За подготовку победителя олимпиады', date: '2026-05-20' },
        { personId: 't2', kind: 'title', title: 'Наставник года', reason: 'За лучший проект пары', date: '2026-05-20' },
      ].map((f) => ({ fields: recognitionInputSchema.parse(f) })),
    );
    const order = await createOrder(reward([r1!.id, 'нет-такого']), db);
    expect(order.recognitionIds).toEqual([r1!.id]);
    expect(order.mentorshipIds).toEqual([]);
    expect((await recognitions.get(r1!.id))!.orderId).toBe(order.id);
    expect((await recognitions.get(r2!.id))!.orderId).toBe('');
    expect(recognitionsForOrder(await recognitions.list(), new Set([order.id])).map((r) => r.id)).toEqual([r2!.id]);

    await removeOrder(order.id, db);
    expect((await recognitions.get(r1!.id))!.orderId).toBe('');
  });
});
