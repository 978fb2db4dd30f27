import { z } from 'zod';
import type { Stored } from './envelope';
import { isValidIsoDate } from './dates';
import { blank, type TablePersonalData } from './personalData';

export const EVENT_KINDS = ['networking', 'finalGame', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const FINAL_GAME_TITLE = 'Деловая игра «Твой результат — мои возможности»';

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

export type EventFields = z.output<typeof eventInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const EVENT_PERSONAL_DATA: TablePersonalData<EventFields> = {
  personal: { notes: blank('notes') },
  kept: ['kind', 'title', 'date', 'place', 'attendeeIds'],
  action: 'anonymise',
};
export type SchoolEvent = Stored<EventFields>;
