/** The zod schemas of ./training: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { SESSION_KINDS, TRAINING_FORMATS } from './training';

export const trainingGroupInputSchema = z.object({
  name: z.string().trim().min(1, 'Укажите название группы').max(120, 'Название: не длиннее 120 символов'),
  memberIds: z.array(z.string().min(1)).max(200, 'Не больше 200 участников').default([]),
  notes: z.string().trim().max(2000, 'Заметки: не длиннее 2000 символов').default(''),
});
export const trainingSessionInputSchema = z
  .object({
    groupId: z.string().min(1, 'Выберите группу'),
    kind: z.enum(SESSION_KINDS, { message: 'Выберите вид: занятие или консультация' }).default('session'),
    date: z
      .string()
      .trim()
      .refine((s) => isValidIsoDate(s), 'Дата: укажите дату'),
    topic: z.string().trim().min(1, 'Укажите тему').max(300, 'Тема: не длиннее 300 символов'),
    expert: z.string().trim().min(1, 'Укажите эксперта, который ведёт занятие').max(200, 'Эксперт: не длиннее 200 символов'),
    format: z.enum(TRAINING_FORMATS, { message: 'Выберите формат: очно или дистанционно' }).default('inPerson'),
    attendeeIds: z.array(z.string().min(1)).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'consultation' && s.attendeeIds.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['attendeeIds'], message: 'Консультация — для одного наставника: отметьте одного' });
  });
