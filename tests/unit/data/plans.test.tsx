// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { usePlanData, usePlanItems, usePlans } from '../../../src/data/plans';
import { getDb } from '../../../src/storage/db';
import { mentorshipsRepo, peopleRepo } from '../../../src/storage/repositories';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { addPlanItem, createPlan, removePlan, updatePlanItem } from '../../../src/storage/planWrites';

const person = (lastName: string, category: 'teacher' | 'student') => ({ lastName, firstName: 'Иван', middleName: '', category, classLabel: '', birthDate: '', phone: '', email: '', roles: [], interests: [], competencies: [], partnerId: '', notes: '' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function pair() {
  const t = await peopleRepo.save({ ...person('Петров', 'teacher'), roles: ['mentor'] });
  const s = await peopleRepo.save({ ...person('Семёнов', 'student'), classLabel: '7А', birthDate: '2012-03-04', roles: ['mentee'] });
  return mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [t.id], menteeIds: [s.id], status: 'active' }));
}

describe('the plans’ hooks', () => {
  it('usePlans and usePlanItems list the live plans and items and drop deleted ones', async () => {
    const m = await pair();
    const plans = renderHook(() => usePlans());
    const items = renderHook(() => usePlanItems());
    expect(plans.result.current).toBeUndefined();
    await waitFor(() => expect(plans.result.current).toEqual([]));
    await waitFor(() => expect(items.result.current).toEqual([]));
    const plan = await createPlan(m.id, 'План', [{ title: 'Первое' }, { title: 'Второе' }]);
    await waitFor(() => expect(plans.result.current?.map((p) => p.title)).toEqual(['План']));
    await waitFor(() => expect(items.result.current?.length).toBe(2));
    await removePlan(plan.id);
    await waitFor(() => expect(plans.result.current).toEqual([]));
    await waitFor(() => expect(items.result.current).toEqual([]));
  });

  it('usePlanData is null for an unknown pair', async () => {
    const { result } = renderHook(() => usePlanData('nope'));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('usePlanData holds the pair’s plans oldest first, their items in order, its members, and follows an edit', async () => {
    const m = await pair();
    const other = await pair();
    const first = await createPlan(m.id, 'Первый план', [{ title: 'Б' }]);
    await new Promise((r) => setTimeout(r, 5));
    const second = await createPlan(m.id, 'Второй план');
    await createPlan(other.id, 'Чужой план', [{ title: 'Чужое' }]);
    const a = await addPlanItem(first.id, { title: 'В' });
    const { result } = renderHook(() => usePlanData(m.id));
    await waitFor(() => expect(result.current?.plans.map((p) => p.id)).toEqual([first.id, second.id]));
    expect(result.current!.items.map((i) => i.title)).toEqual(['Б', 'В']);
    expect([...result.current!.people.values()].map((p) => p.lastName).sort()).toEqual(['Петров', 'Семёнов']);
    expect(result.current!.orders.size).toBe(0);
    await updatePlanItem(a.id, { status: 'done' });
    await waitFor(() => expect(result.current?.items.find((i) => i.id === a.id)?.status).toBe('done'));
    await removePlan(second.id);
    await waitFor(() => expect(result.current?.plans.map((p) => p.id)).toEqual([first.id]));
    await mentorshipsRepo.remove(m.id);
    await waitFor(() => expect(result.current).toBeNull());
  });
});
