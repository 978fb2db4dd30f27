/** The zod schemas of ./meeting: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { MEETING_KINDS } from './meeting';

export const meetingInputSchema = z.object({
  mentorshipId: z.string().min(1, 'Не выбрана пара или группа'),
  kind: z.enum(MEETING_KINDS, { message: 'Выберите вид встречи' }),
  date: z
    .string()
    .trim()
    .refine((s) => isValidIsoDate(s), 'Дата встречи: укажите дату'),
  durationMin: z.coerce
    .number({ message: 'Длительность: введите число минут' })
    .int('Длительность: целое число минут')
    .min(0, 'Длительность: не меньше 0')
    .max(600, 'Длительность: не больше 600 минут')
    .default(45),
  place: z.string().trim().max(200, 'Место: не длиннее 200 символов').default(''),
  attendeeIds: z.array(z.string().min(1)).default([]),
  notes: z.string().max(5000, 'Заметки: не длиннее 5000 символов').default(''),
  nextSteps: z.string().max(2000, 'Договорённости: не длиннее 2000 символов').default(''),
});
