import type { z } from 'zod';
import type { Stored } from './envelope';
import { blank, type TablePersonalData } from './personalData';
import type { meetingInputSchema } from './meeting.schema';

/** The roadmap's five stages of a pair's work, in order; `work` repeats. */
export const MEETING_KINDS = ['intro', 'trial', 'planning', 'work', 'final'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Each kind's name, as the forms, lists and documents show it (src/i18n re-exports it as `meetingKindLabel`). */
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intro: 'Встреча-знакомство',
  trial: 'Пробная встреча',
  planning: 'Встреча-планирование',
  work: 'Совместная работа',
  final: 'Итоговая встреча',
};

export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingFields = z.output<typeof meetingInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const MEETING_PERSONAL_DATA: TablePersonalData<MeetingFields> = {
  personal: { place: blank('meetingText'), notes: blank('meetingText'), nextSteps: blank('meetingText') },
  kept: ['mentorshipId', 'kind', 'date', 'durationMin', 'attendeeIds'],
  action: 'anonymise',
};
export type Meeting = Stored<MeetingFields>;

export interface StageState {
  kind: MeetingKind;
  /** Meetings of this kind held (dates ascending). */
  dates: string[];
  done: boolean;
}

/** Which stages a pair has passed, from its (live) meetings. */
export function stageTimeline(meetings: readonly Pick<MeetingFields, 'kind' | 'date'>[]): StageState[] {
  return MEETING_KINDS.map((kind) => {
    const dates = meetings
      .filter((m) => m.kind === kind)
      .map((m) => m.date)
      .sort();
    return { kind, dates, done: dates.length > 0 };
  });
}

/**
 * The kind a new meeting most likely is: the first stage not yet held, except that once planning is done the
 * pair works (`work`) until someone logs the final meeting. A meeting after the final one is more work (a pair meets
 * again before the curator closes it), never a second final meeting.
 */
export function suggestNextKind(meetings: readonly Pick<MeetingFields, 'kind'>[]): MeetingKind {
  const held = new Set(meetings.map((m) => m.kind));
  if (held.has('final')) return 'work';
  for (const k of ['intro', 'trial', 'planning'] as const) if (!held.has(k)) return k;
  return 'work';
}

/** Stages held out of their order (e.g. planning before the intro meeting): shown, not forbidden. */
export function outOfOrder(meetings: readonly Pick<MeetingFields, 'kind' | 'date'>[]): MeetingKind[] {
  const first = new Map<MeetingKind, string>();
  for (const m of meetings) {
    const cur = first.get(m.kind);
    if (!cur || m.date < cur) first.set(m.kind, m.date);
  }
  const out: MeetingKind[] = [];
  for (let i = 1; i < MEETING_KINDS.length; i++) {
    const k = MEETING_KINDS[i]!;
    const d = first.get(k);
    if (!d) continue;
    const earlierMissingOrLater = MEETING_KINDS.slice(0, i).some((e) => {
      const ed = first.get(e);
      return ed !== undefined && ed > d;
    });
    if (earlierMissingOrLater) out.push(k);
  }
  return out;
}

/** Days since the last meeting, for the "has not met for a month" reminder; null when it never met. */
export function daysSinceLastMeeting(meetings: readonly Pick<MeetingFields, 'date'>[], today: string): number | null {
  if (meetings.length === 0) return null;
  const last = meetings.map((m) => m.date).sort().at(-1)!;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last}T00:00:00Z`)) / 86_400_000);
}

/** The date of the final meeting already logged, when `kind` would log a second one; `null` otherwise. */
export function earlierFinal(meetings: readonly Pick<MeetingFields, 'kind' | 'date'>[], kind: MeetingKind): string | null {
  if (kind !== 'final') return null;
  const finals = meetings.filter((m) => m.kind === 'final').map((m) => m.date).sort();
  return finals[0] ?? null;
}
