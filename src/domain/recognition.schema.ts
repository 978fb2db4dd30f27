/** The zod schemas of ./recognition: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { RECOGNITION_KINDS } from './recognition';

export const recognitionInputSchema = z
  .object({
    personId: z.string().min(1, 'Выберите наставника'),
    kind: z.enum(RECOGNITION_KINDS, { message: 'Выберите вид поощрения' }),
    /** The title itself for `title` («Наставник года — 2026»), or the award's name for `other`. */
    title: z.string().trim().max(200, 'Название: не длиннее 200 символов').default(''),
    reason: z.string().trim().min(1, 'Укажите, за что поощрение').max(500, 'За что: не длиннее 500 символов'),
    date: z
      .string()
      .trim()
      .refine((s) => isValidIsoDate(s), 'Дата: укажите дату'),
    /** The director's order «О поощрении наставников» that gave it; '' until there is one. */
    orderId: z.string().default(''),
  })
  .superRefine((r, ctx) => {
    if ((r.kind === 'title' || r.kind === 'other') && !r.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: r.kind === 'title' ? 'Укажите звание, например «Наставник года»' : 'Укажите, какое поощрение' });
  });
