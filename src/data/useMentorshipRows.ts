import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildMentorshipRows } from '../domain/mentorshipList';
import { todayIso } from '../domain/dates';
import { meetingsRepo, mentorshipsRepo, peopleRepo, planItemsRepo, plansRepo } from '../storage/repositories';
import { useMentoringForms } from './useMentoringForms';

/** Every pair/group as a list row, followed live; undefined until loaded. */
export function useMentorshipRows() {
  const mentorships = useLiveQuery(() => mentorshipsRepo.list(), []);
  const meetings = useLiveQuery(() => meetingsRepo.list(), []);
  const plans = useLiveQuery(() => plansRepo.list(), []);
  const items = useLiveQuery(() => planItemsRepo.list(), []);
  const people = useLiveQuery(() => peopleRepo.list(), []);
  const forms = useMentoringForms();

  return useMemo(() => {
    if (!mentorships || !meetings || !plans || !items || !people || !forms) return undefined;
    const formNames = new Map(forms.map((f) => [f.id, f.name]));
    const peopleById = new Map(people.map((p) => [p.id, p]));
    const rows = buildMentorshipRows({ mentorships, meetings, plans, items, people: peopleById, formNames, today: todayIso() });
    return { rows, people, peopleById, forms };
  }, [mentorships, meetings, plans, items, people, forms]);
}
