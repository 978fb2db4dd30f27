/** The zod schemas of ./event: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { EVENT_KINDS } from './event';

/** An event of the year with its attendance: the networking meeting, the final business game, anything else. */
export const eventInputSchema = z.object({
  kind: z.enum(EVENT_KINDS, { message: 'Выберите вид мероприятия' }),
  title: z.string().trim().min(1, 'Укажите название мероприятия').max(200, 'Название: не длиннее 200 символов'),
  date: z
    .string()
    .trim()
    .refine((s) => isValidIsoDate(s), 'Дата: укажите дату'),
  place: z.string().trim().max(200).default(''),
  attendeeIds: z.array(z.string()).default([]),
  notes: z.string().max(2000).default(''),
});
