import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { repositoryFor, type Repository } from '../../../src/storage/repository';
import { planProgress } from '../../../src/domain/plan';
import { addPlanItem, createPlan, removePlan, renamePlan, restorePlan, updatePlanItem } from '../../../src/storage/planWrites';
import { RecordRejected } from '../../../src/domain/recordRules';

let db: NastavnikDb;
let n = 0;
let plans: Repository<'plans'>;
let items: Repository<'planItems'>;

beforeEach(async () => {
  db = new NastavnikDb(`plan-store-${++n}`);
  await db.open();
  plans = repositoryFor(db, 'plans');
  items = repositoryFor(db, 'planItems');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('plan store', () => {
  it('creates a plan with its first items in one go, in their order', async () => {
    const plan = await createPlan('m1', 'Индивидуальный план: Семёнов П.', [{ title: 'Знакомство с проектом' }, { title: 'Олимпиада', dueDate: '2025-12-01' }], db);
    const own = (await items.listWhere('planId', plan.id)).sort((a, b) => a.order - b.order);
    expect(own.map((i) => [i.title, i.order, i.status])).toEqual([
      ['Знакомство с проектом', 0, 'planned'],
      ['Олимпиада', 1, 'planned'],
    ]);
  });

  it('writes nothing when an item is invalid', async () => {
    await expect(createPlan('m1', 'План', [{ title: 'Хорошо' }, { title: ' ' }], db)).rejects.toBeInstanceOf(RecordRejected);
    expect(await db.plans.count()).toBe(0);
    expect(await db.planItems.count()).toBe(0);
  });

  it('refuses a plan without a title in Russian', async () => {
    const err = await createPlan('m1', '  ', [], db).catch((e: unknown) => e);
    expect((err as RecordRejected).errors.title).toBe('Укажите название плана');
  });

  it('stores the values trimmed with defaults, and a refused rename or edit is the write path’s refusal that changes nothing', async () => {
    const plan = await createPlan('m1', '  План  ', [{ title: ' Пункт ', dueDate: ' 2025-12-01 ' }], db);
    expect(plan).toMatchObject({ title: 'План', approvedByOrderId: '', approvedItemsDigest: '' });
    const [item] = await items.listWhere('planId', plan.id);
    expect(item).toMatchObject({ title: 'Пункт', dueDate: '2025-12-01', status: 'planned', result: '', evidence: '' });
    const renamed = await renamePlan(plan.id, ' ', db).catch((e: unknown) => e);
    expect(renamed).toBeInstanceOf(RecordRejected);
    expect((renamed as RecordRejected).errors).toEqual({ title: 'Укажите название плана' });
    const edited = await updatePlanItem(item!.id, { title: 'Пункт', dueDate: '2025-13-45' }, db).catch((e: unknown) => e);
    expect((edited as RecordRejected).errors).toEqual({ dueDate: 'Срок: неверная дата' });
    expect((await plans.get(plan.id))?.title).toBe('План');
    expect((await items.get(item!.id))?.dueDate).toBe('2025-12-01');
  });

  it('adds items at the end, edits their status, and counts progress', async () => {
    const plan = await createPlan('m1', 'План', [], db);
    const a = await addPlanItem(plan.id, { title: 'Первое' }, db);
    const b = await addPlanItem(plan.id, { title: 'Второе' }, db);
    await addPlanItem(plan.id, { title: 'Третье' }, db);
    expect([a.order, b.order]).toEqual([0, 1]);
    await updatePlanItem(a.id, { status: 'done', result: 'Сделано', evidence: 'Фото в папке' }, db);
    const own = await items.listWhere('planId', plan.id);
    expect(own.find((i) => i.id === a.id)).toMatchObject({ status: 'done', result: 'Сделано', planId: plan.id });
    const p = planProgress(own, '2025-11-20');
    expect(p.done).toBe(1);
    expect(p.planned).toBe(3);
    expect(p.problem).toBe(true);
  });

  it('refuses an item for a plan that is not there', async () => {
    await expect(addPlanItem('nope', { title: 'Пункт' }, db)).rejects.toThrow('План не найден');
  });

  it('renames a plan, keeping its approval', async () => {
    const plan = await createPlan('m1', 'План', [], db);
    await plans.save({ ...plan, approvedByOrderId: 'o1', approvedItemsDigest: '0:x' }, plan.id);
    const renamed = await renamePlan(plan.id, 'Новый план', db);
    expect(renamed).toMatchObject({ title: 'Новый план', approvedByOrderId: 'o1' });
  });

  it('deletes a plan with its items and brings them back', async () => {
    const plan = await createPlan('m1', 'План', [{ title: 'Один' }, { title: 'Два' }], db);
    const itemIds = await removePlan(plan.id, db);
    expect(await plans.list()).toHaveLength(0);
    expect(await items.list()).toHaveLength(0);
    await restorePlan(plan.id, itemIds, db);
    expect(await plans.list()).toHaveLength(1);
    expect(await items.list()).toHaveLength(2);
  });
});
