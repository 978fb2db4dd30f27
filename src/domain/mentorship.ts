import type { z } from 'zod';
import type { Stored } from './envelope';
import { blank, placeholder, type TablePersonalData } from './personalData';
import type { mentorshipInputSchema } from './mentorship.schema';

export const MENTORSHIP_STATUSES = ['forming', 'active', 'finished', 'interrupted'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/** Each status in words, as the lists and documents show it (src/i18n re-exports it as `mentorshipStatusLabel`). */
export const MENTORSHIP_STATUS_LABELS: Record<MentorshipStatus, string> = {
  forming: 'формируется',
  active: 'активна',
  finished: 'завершена',
  interrupted: 'прервана',
};

/** формируется → активна → завершена / прервана; a pair that never started may be dropped too. */
const TRANSITIONS: Record<MentorshipStatus, readonly MentorshipStatus[]> = {
  forming: ['active', 'interrupted'],
  active: ['finished', 'interrupted'],
  finished: [],
  interrupted: [],
};

export function canTransition(from: MentorshipStatus, to: MentorshipStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export type MentorshipInput = z.input<typeof mentorshipInputSchema>;
export type MentorshipFields = z.output<typeof mentorshipInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const MENTORSHIP_PERSONAL_DATA: TablePersonalData<MentorshipFields> = {
  personal: { title: blank('pairText'), goal: blank('pairText'), endReason: placeholder('pairText') },
  kept: ['formId', 'mentorIds', 'menteeIds', 'startDate', 'plannedEndDate', 'status', 'endDate'],
  action: 'anonymise',
};
export type Mentorship = Stored<MentorshipFields>;

export function isGroup(m: Pick<MentorshipFields, 'mentorIds' | 'menteeIds'>): boolean {
  return m.menteeIds.length > 1 || m.mentorIds.length > 1;
}

/** Pairs and groups that count as "covered by mentoring" for the indicators. */
export function isCounted(m: Pick<MentorshipFields, 'status'>): boolean {
  return m.status === 'active' || m.status === 'finished';
}
