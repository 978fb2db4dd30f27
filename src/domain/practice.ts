import type { z } from 'zod';
import type { Stored } from './envelope';
import type { TablePersonalData } from './personalData';
import type { practiceInputSchema } from './practice.schema';

export type PracticeFields = z.output<typeof practiceInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PRACTICE_PERSONAL_DATA: TablePersonalData<PracticeFields> = {
  personal: {},
  kept: ['title', 'formId', 'authorIds', 'academicYear', 'description', 'result'],
  action: 'anonymise',
};
export type Practice = Stored<PracticeFields>;

/** Newest year first, then by title. */
export function sortPractices<P extends Pick<PracticeFields, 'academicYear' | 'title'>>(practices: readonly P[]): P[] {
  const collator = new Intl.Collator('ru-RU');
  return [...practices].sort((a, b) => b.academicYear.localeCompare(a.academicYear) || collator.compare(a.title, b.title));
}
