import { type Plan, type PlanItem, type PlanItemFields } from '../domain/plan';
import { planInputSchema, planItemInputSchema } from '../domain/plan.schema';
import { getDb, type NastavnikDb } from './db';
import { inTransaction, repositoryFor } from './repository';
import { AppError } from '../domain/errors';

function repos(db: NastavnikDb) {
  return { plans: repositoryFor(db, 'plans'), items: repositoryFor(db, 'planItems') };
}

/**
 * The values as the table's rules read them (trimmed, defaults filled), as a form's resolver hands them over. Values
 * the rules refuse go on as they are: the repository's save checks them against the same schema
 * (`TABLE_SCHEMAS`, src/domain/recordRules.ts) and refuses them with `RecordRejected`, one message per field.
 */
function normalised<S extends typeof planInputSchema | typeof planItemInputSchema>(schema: S, input: unknown) {
  const r = schema.safeParse(input);
  return (r.success ? r.data : input) as ReturnType<S['parse']>;
}

export type NewItem = Pick<PlanItemFields, 'title'> & Partial<Omit<PlanItemFields, 'planId' | 'order'>>;

/** A new plan for a pair/group, with its first items if given: one transaction. */
export async function createPlan(mentorshipId: string, title: string, items: readonly NewItem[] = [], db: NastavnikDb = getDb()): Promise<Plan> {
  const r = repos(db);
  const fields = normalised(planInputSchema, { mentorshipId, title });
  return inTransaction(db, ['plans', 'planItems'], async () => {
    const plan = await r.plans.save(fields);
    await r.items.saveMany(items.map((item, order) => ({ fields: normalised(planItemInputSchema, { ...item, planId: plan.id, order }) })));
    return plan;
  });
}

export async function renamePlan(planId: string, title: string, db: NastavnikDb = getDb()): Promise<Plan> {
  const r = repos(db);
  return inTransaction(db, ['plans'], async () => {
    const plan = await r.plans.get(planId);
    if (!plan) throw new AppError('notFound', 'План не найден');
    return r.plans.save(normalised(planInputSchema, { ...plan, title }), planId);
  });
}

/** Adds an item at the end of the plan; its place is counted inside the transaction that writes it. */
export async function addPlanItem(planId: string, item: NewItem, db: NastavnikDb = getDb()): Promise<PlanItem> {
  const r = repos(db);
  return inTransaction(db, ['plans', 'planItems'], async () => {
    if (!(await r.plans.get(planId))) throw new AppError('notFound', 'План не найден');
    const existing = await r.items.listWhere('planId', planId);
    const order = existing.reduce((m, i) => Math.max(m, i.order + 1), 0);
    return r.items.save(normalised(planItemInputSchema, { ...item, planId, order }));
  });
}

/** Edits an item (its status, result, evidence…), reading it inside the same transaction. */
export async function updatePlanItem(id: string, change: Partial<Omit<PlanItemFields, 'planId'>>, db: NastavnikDb = getDb()): Promise<PlanItem> {
  const r = repos(db);
  return inTransaction(db, ['planItems'], async () => {
    const item = await r.items.get(id);
    if (!item) throw new AppError('notFound', 'Пункт плана не найден');
    return r.items.save(normalised(planItemInputSchema, { ...item, ...change, planId: item.planId }), id);
  });
}

/** Deletes a plan with its items (tombstones) in one transaction; returns the item ids for «Вернуть». */
export async function removePlan(planId: string, db: NastavnikDb = getDb()): Promise<string[]> {
  const r = repos(db);
  return inTransaction(db, ['plans', 'planItems'], async () => {
    const items = await r.items.listWhere('planId', planId);
    for (const i of items) await r.items.remove(i.id);
    await r.plans.remove(planId);
    return items.map((i) => i.id);
  });
}

export async function restorePlan(planId: string, itemIds: readonly string[], db: NastavnikDb = getDb()): Promise<void> {
  const r = repos(db);
  await inTransaction(db, ['plans', 'planItems'], async () => {
    await r.plans.restore(planId);
    for (const id of itemIds) await r.items.restore(id);
  });
}
