import type { z } from 'zod';
import type { Stored } from './envelope';
import { blank, type TablePersonalData } from './personalData';
import type { eventInputSchema } from './event.schema';

export const EVENT_KINDS = ['networking', 'finalGame', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const FINAL_GAME_TITLE = 'Деловая игра «Твой результат — мои возможности»';

export type EventFields = z.output<typeof eventInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const EVENT_PERSONAL_DATA: TablePersonalData<EventFields> = {
  personal: { notes: blank('notes') },
  kept: ['kind', 'title', 'date', 'place', 'attendeeIds'],
  action: 'anonymise',
};
export type SchoolEvent = Stored<EventFields>;
