import type { z } from 'zod';
import type { Stored } from './envelope';
import type { TablePersonalData } from './personalData';
import type { orderInputSchema } from './order.schema';

export const ORDER_KINDS = ['introduceModel', 'approveProgramme', 'fixMentorships', 'approvePlans', 'rewardMentors'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_DEFAULT_TITLES: Record<OrderKind, string> = {
  introduceModel: 'О внедрении целевой модели наставничества и назначении куратора',
  approveProgramme: 'Об утверждении положения и программы наставничества',
  fixMentorships: 'О закреплении наставнических пар/групп',
  approvePlans: 'Об утверждении индивидуальных планов наставнических пар/групп',
  rewardMentors: 'О поощрении наставников',
};

export type OrderFields = z.output<typeof orderInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const ORDER_PERSONAL_DATA: TablePersonalData<OrderFields> = {
  personal: {},
  kept: ['kind', 'number', 'date', 'title', 'mentorshipIds', 'planIds', 'recognitionIds', 'protocolNumber', 'protocolDate', 'signed'],
  action: 'anonymise',
};
export type Order = Stored<OrderFields>;
