/**
 * The mentor's day on a mentor's phone: each of the mentor's own pairs and groups with the stage due next, the days
 * since the last meeting, the plan's next items and the questionnaires still to fill. Pure; the home page reads it.
 */
import { groupBy } from './collections';
import { daysSinceLastMeeting, suggestNextKind, type MeetingFields, type MeetingKind } from './meeting';
import type { MentorshipFields } from './mentorship';
import { pairLabel } from './mentorshipList';
import type { PersonFields } from './person';
import type { PlanFields, PlanItemFields } from './plan';
import type { Phase, QuestionnaireFields, ResponseFields } from './questionnaire';

type Live = { id: string; deleted?: boolean };

export interface DayPair {
  id: string;
  label: string;
  status: MentorshipFields['status'];
  /** The stage a new meeting most likely is; null once the final meeting is held. */
  nextKind: MeetingKind | null;
  /** null: the pair has not met yet. */
  daysSince: number | null;
  meetings: number;
  /** Open plan items, the earliest due first (undated last), at most `MAX_ITEMS`. */
  nextItems: { id: string; title: string; dueDate: string; overdue: boolean }[];
  /** Questionnaires this pair still owes: which, for which phase, who has not answered. */
  toFill: { questionnaireId: string; title: string; phase: Phase; respondentIds: string[] }[];
}

export const MAX_ITEMS = 3;

export function mentorDay(input: {
  mentorships: readonly (MentorshipFields & Live)[];
  ids: readonly string[];
  people: ReadonlyMap<string, Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>>;
  meetings: readonly (Pick<MeetingFields, 'mentorshipId' | 'kind' | 'date'> & Live)[];
  plans: readonly (Pick<PlanFields, 'mentorshipId'> & Live)[];
  planItems: readonly (Pick<PlanItemFields, 'planId' | 'title' | 'status' | 'dueDate'> & Live)[];
  questionnaires: readonly (Pick<QuestionnaireFields, 'title' | 'role' | 'formIds' | 'beforeAfter'> & Live)[];
  responses: readonly (Pick<ResponseFields, 'questionnaireId' | 'respondentId' | 'mentorshipId' | 'phase'> & Live)[];
  today: string;
}): DayPair[] {
  const wanted = new Set(input.ids);
  const pairs = input.mentorships.filter((m) => !m.deleted && wanted.has(m.id) && (m.status === 'forming' || m.status === 'active'));
  const meetingsOf = groupBy(input.meetings.filter((m) => !m.deleted), (m) => m.mentorshipId);
  const planOf = new Map(input.plans.filter((p) => !p.deleted).map((p) => [p.mentorshipId, p.id]));
  const itemsOf = groupBy(input.planItems.filter((i) => !i.deleted), (i) => i.planId);
  const answered = new Set(input.responses.filter((r) => !r.deleted).map((r) => `${r.questionnaireId}|${r.mentorshipId}|${r.respondentId}|${r.phase}`));
  const questionnaires = input.questionnaires.filter((q) => !q.deleted);

  return pairs
    .map((m): DayPair => {
      const meetings = meetingsOf.get(m.id) ?? [];
      const finalHeld = meetings.some((x) => x.kind === 'final');
      const planId = planOf.get(m.id);
      const open = (planId ? (itemsOf.get(planId) ?? []) : []).filter((i) => i.status === 'planned' || i.status === 'inProgress');
      open.sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999') || a.title.localeCompare(b.title, 'ru'));
      const toFill: DayPair['toFill'] = [];
      for (const q of questionnaires) {
        if (q.formIds.length && !q.formIds.includes(m.formId)) continue;
        const who = q.role === 'mentor' ? m.mentorIds : m.menteeIds;
        const phases: Phase[] = !q.beforeAfter ? ['once'] : finalHeld ? ['start', 'end'] : ['start'];
        for (const phase of phases) {
          const missing = who.filter((p) => !answered.has(`${q.id}|${m.id}|${p}|${phase}`));
          if (missing.length) toFill.push({ questionnaireId: q.id, title: q.title, phase, respondentIds: missing });
        }
      }
      return {
        id: m.id,
        label: pairLabel(m, input.people),
        status: m.status,
        nextKind: finalHeld ? null : suggestNextKind(meetings),
        daysSince: daysSinceLastMeeting(meetings, input.today),
        meetings: meetings.length,
        nextItems: open.slice(0, MAX_ITEMS).map((i) => ({ id: i.id, title: i.title, dueDate: i.dueDate, overdue: !!i.dueDate && i.dueDate < input.today })),
        toFill,
      };
    })
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.label.localeCompare(b.label, 'ru'));
}

