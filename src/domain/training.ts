import type { z } from 'zod';
import type { Stored } from './envelope';
import { normalizeText } from './text';
import { blank, placeholder, type TablePersonalData } from './personalData';
import type { trainingGroupInputSchema, trainingSessionInputSchema } from './training.schema';

/**
 * Mentor training (обучение наставников): groups of mentors and their sessions, with the roadmap's bars — at least
 * two experts engaged, at least ten sessions for each group — and individual consultations.
 */
export const MIN_EXPERTS = 2;
export const MIN_SESSIONS_PER_GROUP = 10;

export type TrainingGroupFields = z.output<typeof trainingGroupInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const TRAINING_GROUP_PERSONAL_DATA: TablePersonalData<TrainingGroupFields> = {
  personal: { notes: blank('notes') },
  kept: ['name', 'memberIds'],
  action: 'anonymise',
};
export type TrainingGroup = Stored<TrainingGroupFields>;

export const TRAINING_FORMATS = ['inPerson', 'remote'] as const;
export const TRAINING_FORMAT_LABELS: Record<(typeof TRAINING_FORMATS)[number], string> = { inPerson: 'очно', remote: 'дистанционно' };
export const SESSION_KINDS = ['session', 'consultation'] as const;
export const SESSION_KIND_LABELS: Record<(typeof SESSION_KINDS)[number], string> = { session: 'занятие группы', consultation: 'индивидуальная консультация' };

export type TrainingSessionFields = z.output<typeof trainingSessionInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const TRAINING_SESSION_PERSONAL_DATA: TablePersonalData<TrainingSessionFields> = {
  // The expert is a person too: a name, erased in a tombstone and where it is the erased person's (not because the
  // consultation is about a mentor who attended).
  personal: { topic: placeholder('training'), expert: { ...placeholder('name'), thirdParty: true } },
  kept: ['groupId', 'kind', 'date', 'format', 'attendeeIds'],
  action: 'anonymise',
};
export type TrainingSession = Stored<TrainingSessionFields>;

export interface GroupSummary {
  groupId: string;
  sessions: number;
  consultations: number;
  experts: string[];
  /** Share of the group's members present, averaged over its sessions (null without sessions). */
  attendance: number | null;
  sessionsMet: boolean;
}

/** Experts are people, written by hand: «Иванова М. П.» and «иванова м.п.» are one expert. */
const expertKey = (s: string) => normalizeText(s).replace(/[.\s]+/g, ' ').trim();

/** Per group: sessions held by a date, consultations, distinct experts, attendance, and whether ≥ 10 are held. */
export function trainingSummary(
  groups: readonly (Pick<TrainingGroupFields, 'memberIds'> & { id: string })[],
  sessions: readonly Pick<TrainingSessionFields, 'groupId' | 'kind' | 'date' | 'expert' | 'attendeeIds'>[],
  today: string,
): { groups: GroupSummary[]; experts: string[]; expertsMet: boolean } {
  const held = sessions.filter((s) => s.date <= today);
  const all = new Map<string, string>();
  const out = groups.map((g) => {
    const mine = held.filter((s) => s.groupId === g.id);
    const group = mine.filter((s) => s.kind === 'session');
    const experts = new Map<string, string>();
    for (const s of mine) {
      experts.set(expertKey(s.expert), s.expert);
      all.set(expertKey(s.expert), s.expert);
    }
    const members = new Set(g.memberIds);
    const shares = members.size ? group.map((s) => s.attendeeIds.filter((id) => members.has(id)).length / members.size) : [];
    return {
      groupId: g.id,
      sessions: group.length,
      consultations: mine.length - group.length,
      experts: [...experts.values()],
      attendance: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
      sessionsMet: group.length >= MIN_SESSIONS_PER_GROUP,
    };
  });
  return { groups: out, experts: [...all.values()], expertsMet: all.size >= MIN_EXPERTS };
}
