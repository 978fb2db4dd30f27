/** The zod schemas of ./mentoringForm: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { PERSON_CATEGORIES } from './person';

const categoryList = (side: string) =>
  z
    .array(z.enum(PERSON_CATEGORIES, { message: 'Неизвестная категория участника' }))
    .min(1, `Выберите, кто может быть ${side}`)
    .max(PERSON_CATEGORIES.length)
    .refine((cs) => new Set(cs).size === cs.length, 'Категория указана дважды');

/**
 * A form of mentoring (форма наставничества). A configurable list, not an enum: the school may add its own forms
 * or change which categories a form admits, and the pairs keep referring to the form's id.
 */
export const mentoringFormInputSchema = z.object({
  name: z.string().trim().min(1, 'Укажите название формы').max(80, 'Название: не длиннее 80 символов'),
  mentorCategories: categoryList('наставником'),
  menteeCategories: categoryList('наставляемым'),
  isFederal: z.boolean().default(false),
  description: z.string().trim().max(1000, 'Описание: не длиннее 1000 символов').default(''),
});
