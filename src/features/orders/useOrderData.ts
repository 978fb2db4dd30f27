import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildOrderContext, formNamesOf } from '../../domain/orderPreparation';
import { getDb } from '../../storage/db';
import { planItemsRepo, plansRepo, recognitionsRepo } from '../../storage/repositories';
import { repositoryFor } from '../../storage/repository';
import { DEFAULT_FORM_NAMES } from './formNames';
import { useMentorships, usePeople, useSchool } from '../../data/hooks';

const formsRepo = repositoryFor(getDb(), 'mentoringForms');

/** Everything an order is built from, followed live; undefined until loaded. */
export function useOrderData() {
  const school = useSchool();
  const mentorships = useMentorships();
  const people = usePeople();
  const plans = useLiveQuery(() => plansRepo.list(), []);
  const items = useLiveQuery(() => planItemsRepo.list(), []);
  const forms = useLiveQuery(() => formsRepo.list(), []);
  const recognitions = useLiveQuery(() => recognitionsRepo.list(), []);

  return useMemo(() => {
    if (school === undefined || !mentorships || !people || !plans || !items || !forms || !recognitions) return undefined;
    const formNames = formNamesOf(DEFAULT_FORM_NAMES, forms);
    const ctx = buildOrderContext({ school: school ?? undefined, mentorships, people, formNames, recognitions });
    return { school, mentorships, people, plans, items, formNames, ctx, recognitions };
  }, [school, mentorships, people, plans, items, forms, recognitions]);
}
