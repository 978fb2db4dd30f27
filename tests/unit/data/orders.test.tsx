// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useOrder, useOrderData, useOrders, useRecognitions } from '../../../src/data/orders';
import { getDb } from '../../../src/storage/db';
import { mentorshipsRepo, ordersRepo, planItemsRepo, plansRepo, recognitionsRepo } from '../../../src/storage/repositories';
import { repositoryFor } from '../../../src/storage/repository';
import { orderInputSchema } from '../../../src/domain/order.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { mentoringFormInputSchema } from '../../../src/domain/mentoringForm.schema';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';
import { createOrder, removeOrder } from '../../../src/storage/orderWrites';

const order = (number: string) => orderInputSchema.parse({ kind: 'introduceModel', number, date: '2025-09-01', title: 'О внедрении целевой модели' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the orders’ hooks', () => {
  it('useOrders is undefined while read, then the live orders; a removed order drops out', async () => {
    const { result } = renderHook(() => useOrders());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    const a = await createOrder(order('1-од'));
    await createOrder(order('2-од'));
    await waitFor(() => expect(result.current?.map((o) => o.number).sort()).toEqual(['1-од', '2-од']));
    await removeOrder(a.id);
    await waitFor(() => expect(result.current?.map((o) => o.number)).toEqual(['2-од']));
  });

  it('useOrder is null for an unknown id, the order for its id, null again once it is deleted', async () => {
    const a = await createOrder(order('1-од'));
    const unknown = renderHook(() => useOrder('nope'));
    expect(unknown.result.current).toBeUndefined();
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const { result } = renderHook(() => useOrder(a.id));
    await waitFor(() => expect(result.current?.number).toBe('1-од'));
    await ordersRepo.save({ ...order('1-од/2') }, a.id);
    await waitFor(() => expect(result.current?.number).toBe('1-од/2'));
    await removeOrder(a.id);
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('useRecognitions follows the recognitions', async () => {
    const { result } = renderHook(() => useRecognitions());
    await waitFor(() => expect(result.current).toEqual([]));
    await recognitionsRepo.save(recognitionInputSchema.parse({ personId: 'p1', kind: 'thanks', reason: 'За проект', date: '2026-05-20' }));
    await waitFor(() => expect(result.current?.map((r) => r.reason)).toEqual(['За проект']));
  });

  it('useOrderData waits for every table, names the forms (a school’s own name over the built-in one) and follows the plans', async () => {
    const { result } = renderHook(() => useOrderData());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBeDefined());
    expect(result.current!.school).toBeNull();
    expect(result.current!.formNames.get('teacher-student')).toBeTruthy();
    expect(result.current!.plans).toEqual([]);
    const m = await mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'active' }));
    const plan = await plansRepo.save({ mentorshipId: m.id, title: 'План', approvedByOrderId: '', approvedItemsDigest: '' });
    await planItemsRepo.save({ planId: plan.id, title: 'Знакомство', dueDate: '', status: 'planned', result: '', evidence: '', order: 0 });
    await repositoryFor(getDb(), 'mentoringForms').save(
      mentoringFormInputSchema.parse({ name: 'Учитель — ученик (школьная)', mentorCategories: ['teacher'], menteeCategories: ['student'] }),
      'teacher-student',
    );
    await waitFor(() => expect(result.current?.formNames.get('teacher-student')).toBe('Учитель — ученик (школьная)'));
    expect(result.current!.mentorships.map((x) => x.id)).toEqual([m.id]);
    expect(result.current!.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(result.current!.items.map((i) => i.title)).toEqual(['Знакомство']);
    expect(result.current!.ctx.mentorships.map((x) => x.id)).toEqual([m.id]);
    await plansRepo.remove(plan.id);
    await waitFor(() => expect(result.current?.plans).toEqual([]));
  });
});
