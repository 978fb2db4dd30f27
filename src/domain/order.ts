import { z } from 'zod';
import type { Stored } from './envelope';
import { isValidIsoDate } from './dates';
import { type TablePersonalData } from './personalData';

export const ORDER_KINDS = ['introduceModel', 'approveProgramme', 'fixMentorships', 'approvePlans', 'rewardMentors'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_DEFAULT_TITLES: Record<OrderKind, string> = {
  introduceModel: 'О внедрении целевой модели наставничества и назначении куратора',
  approveProgramme: 'Об утверждении положения и программы наставничества',
  fixMentorships: 'О закреплении наставнических пар/групп',
  approvePlans: 'Об утверждении индивидуальных планов наставнических пар/групп',
  rewardMentors: 'О поощрении наставников',
};

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

export type OrderFields = z.output<typeof orderInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const ORDER_PERSONAL_DATA: TablePersonalData<OrderFields> = {
  personal: {},
  kept: ['kind', 'number', 'date', 'title', 'mentorshipIds', 'planIds', 'recognitionIds', 'protocolNumber', 'protocolDate', 'signed'],
  action: 'anonymise',
};
export type Order = Stored<OrderFields>;
