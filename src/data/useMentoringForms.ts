import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MENTORING_FORMS } from '../domain/mentoringForm';
import { formsForSelect } from '../domain/mentorshipList';
import { getDb } from '../storage/db';

export type FormOption = ReturnType<typeof formsForSelect>[number];

/**
 * The school's forms of mentoring, followed live: the built-in list with the school's stored versions over it.
 * Tombstones are read too (not through the repository's live list), so that a form the school deleted stays hidden.
 */
export function useMentoringForms(): FormOption[] | undefined {
  return useLiveQuery(async () => formsForSelect(DEFAULT_MENTORING_FORMS, await getDb().mentoringForms.toArray()), []);
}
