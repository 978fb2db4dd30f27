import { useLiveQuery } from 'dexie-react-hooks';
import type { PersonCategory } from '../../domain/person';
import { getDb } from '../../storage/db';
import { repositoryFor } from '../../storage/repository';

export interface FormOption {
  id: string;
  name: string;
  mentorCategories: readonly PersonCategory[];
  menteeCategories: readonly PersonCategory[];
}

// Placeholder until src/domain/mentoringForm.ts lands (being written by another engineer).
const DEFAULT_MENTORING_FORMS: FormOption[] = [
  { id: 'teacher-student', name: 'Учитель – ученик', mentorCategories: ['teacher'], menteeCategories: ['student'] },
];

const formsRepo = repositoryFor(getDb(), 'mentoringForms');

/** The school's forms of mentoring: its own records once there are any, the built-in list until then. */
export function useMentoringForms(): FormOption[] | undefined {
  return useLiveQuery(async () => {
    const records = await formsRepo.list();
    return records.length ? (records as unknown as FormOption[]) : DEFAULT_MENTORING_FORMS;
  }, []);
}
