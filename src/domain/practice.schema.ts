/** The zod schemas of ./practice: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';

/**
 * The school's register of best mentoring practices (docs/DOMAIN.md, «Best practices»; the programme's aim
 * «внедрение лучших наставнических практик»): what was done, in which form of mentoring, by whom, in which year, and
 * what came of it — so that next year's pairs can start from it.
 */
export const practiceInputSchema = z.object({
  title: z.string().trim().min(1, 'Укажите название практики').max(200, 'Название: не длиннее 200 символов'),
  formId: z.string().default(''),
  authorIds: z.array(z.string().min(1)).max(10, 'Авторы: не больше 10 человек').default([]),
  academicYear: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{4}$/, 'Учебный год: в виде 2025/2026'),
  description: z.string().trim().min(1, 'Опишите практику: что делали и как').max(4000, 'Описание: не длиннее 4000 символов'),
  result: z.string().trim().max(2000, 'Результат: не длиннее 2000 символов').default(''),
});
