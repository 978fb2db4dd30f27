/** The zod schemas of ./order: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { ORDER_KINDS } from './order';

/** A director's order (приказ). What it covers is a list of record ids: pairs/groups, and plans for approvals. */
export const orderInputSchema = z.object({
  kind: z.enum(ORDER_KINDS, { message: 'Выберите вид приказа' }),
  number: z.string().trim().min(1, 'Укажите номер приказа').max(30, 'Номер: не длиннее 30 символов'),
  date: z
    .string()
    .trim()
    .refine((s) => isValidIsoDate(s), 'Дата приказа: укажите дату'),
  title: z.string().trim().min(1, 'Укажите заголовок приказа').max(300, 'Заголовок: не длиннее 300 символов'),
  mentorshipIds: z.array(z.string()).default([]),
  planIds: z.array(z.string()).default([]),
  /** For «О поощрении наставников»: the recognitions it gives (src/domain/recognition.ts). */
  recognitionIds: z.array(z.string()).default([]),
  /** Where a council adopted the document first: its protocol. */
  protocolNumber: z.string().trim().max(30).default(''),
  protocolDate: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isValidIsoDate(s), 'Дата протокола: неверная дата'),
  signed: z.boolean().default(false),
});
