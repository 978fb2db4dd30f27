/**
 * The directors' orders and what an order is built from, followed live; each hook is `undefined` while it is read.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MENTORING_FORMS } from '../domain/mentoringForm';
import type { Order } from '../domain/order';
import { buildOrderContext, formNamesOf } from '../domain/orderPreparation';
import type { Recognition } from '../domain/recognition';
import { getDb } from '../storage/db';
import { ordersRepo, recognitionsRepo } from '../storage/repositories';
import { repositoryFor } from '../storage/repository';
import { useMentorships, usePeople, useSchool } from './hooks';
import { usePlanItems, usePlans } from './plans';

/** The mentoring forms' names for orders: the built-in list; the school's stored forms override it by id. */
const DEFAULT_FORM_NAMES: readonly { id: string; name: string }[] = DEFAULT_MENTORING_FORMS.map((f) => ({ id: f.id, name: f.name }));

const formsRepo = repositoryFor(getDb(), 'mentoringForms');

/** Every live order. */
export function useOrders(): Order[] | undefined {
  return useLiveQuery(() => ordersRepo.list(), []);
}

/** One order; `null` when there is none of this id (or it was deleted). */
export function useOrder(id: string): Order | null | undefined {
  return useLiveQuery(() => ordersRepo.get(id).then((o) => o ?? null), [id]);
}

/** Every live recognition (a mentor's reward, with the order that gave it, if any). */
export function useRecognitions(): Recognition[] | undefined {
  return useLiveQuery(() => recognitionsRepo.list(), []);
}

/** Everything an order is built from, followed live; undefined until loaded. */
export function useOrderData() {
  const school = useSchool();
  const mentorships = useMentorships();
  const people = usePeople();
  const plans = usePlans();
  const items = usePlanItems();
  const forms = useLiveQuery(() => formsRepo.list(), []);
  const recognitions = useRecognitions();

  return useMemo(() => {
    if (school === undefined || !mentorships || !people || !plans || !items || !forms || !recognitions) return undefined;
    const formNames = formNamesOf(DEFAULT_FORM_NAMES, forms);
    const ctx = buildOrderContext({ school: school ?? undefined, mentorships, people, formNames, recognitions });
    return { school, mentorships, people, plans, items, formNames, ctx, recognitions };
  }, [school, mentorships, people, plans, items, forms, recognitions]);
}
