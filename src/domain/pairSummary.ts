import type { MeetingFields } from './meeting';
import type { MentorshipFields } from './mentorship';
import { rowWarnings, type RowWarning } from './mentorshipList';
import { PLAN_PROBLEM_THRESHOLD, type PlanFields, type PlanItemFields, type PlanProgress } from './plan';

/**
 * What «Требует внимания» needs of one pair or group, without its meetings and plan items: kept up to date as those
 * are written (src/storage/pairSummaries.ts), so the overview reads one small row per pair instead of every meeting
 * and plan item of every year. Nothing here depends on today: the date rules are applied when it is read
 * (`summaryProgress`, `summaryWarnings`), so a summary written in May is right in June.
 */
export interface PairSummary {
  /** The pair's (mentorship's) id. */
  id: string;
  /** The latest date of its live meetings; null when it has none. */
  lastMeetingDate: string | null;
  /** A live final meeting is logged. */
  finalHeld: boolean;
  /** Live items of its live plans, cancelled ones included (none: the pair has no plan progress). */
  items: number;
  /** Items that count (not cancelled), those done, and those without a due date. */
  counted: number;
  done: number;
  undated: number;
  /** The latest due date of the counted items ('' when none has one). */
  maxDue: string;
  /** Due dates of the counted items not done, sorted: today decides which of them are overdue. */
  undoneDue: string[];
}

type Live = { id: string; deleted?: boolean };
type MeetingLike = Live & Pick<MeetingFields, 'mentorshipId' | 'kind' | 'date'>;
type PlanLike = Live & Pick<PlanFields, 'mentorshipId'>;
type ItemLike = Live & Pick<PlanItemFields, 'planId' | 'status' | 'dueDate'>;

/** The summary of pair `id` from its records (tombstones and other pairs' records are left out here). */
export function summarizePair(id: string, meetings: readonly MeetingLike[], plans: readonly PlanLike[], items: readonly ItemLike[]): PairSummary {
  let lastMeetingDate: string | null = null;
  let finalHeld = false;
  for (const m of meetings) {
    if (m.deleted || m.mentorshipId !== id) continue;
    if (lastMeetingDate === null || m.date > lastMeetingDate) lastMeetingDate = m.date;
    if (m.kind === 'final') finalHeld = true;
  }
  const planIds = new Set(plans.filter((p) => !p.deleted && p.mentorshipId === id).map((p) => p.id));
  const s: PairSummary = { id, lastMeetingDate, finalHeld, items: 0, counted: 0, done: 0, undated: 0, maxDue: '', undoneDue: [] };
  for (const i of items) {
    if (i.deleted || !planIds.has(i.planId)) continue;
    s.items += 1;
    if (i.status === 'cancelled') continue;
    s.counted += 1;
    if (i.status === 'done') s.done += 1;
    if (!i.dueDate) s.undated += 1;
    else {
      if (i.dueDate > s.maxDue) s.maxDue = i.dueDate;
      if (i.status !== 'done') s.undoneDue.push(i.dueDate);
    }
  }
  s.undoneDue.sort();
  return s;
}

/** The summaries of every pair named by the records, grouped once (a full rebuild). */
export function summarizeAll(meetings: readonly MeetingLike[], plans: readonly PlanLike[], items: readonly ItemLike[]): PairSummary[] {
  const meetingsOf = new Map<string, MeetingLike[]>();
  for (const m of meetings) {
    if (m.deleted) continue;
    const list = meetingsOf.get(m.mentorshipId);
    if (list) list.push(m);
    else meetingsOf.set(m.mentorshipId, [m]);
  }
  const plansOf = new Map<string, PlanLike[]>();
  const pairOfPlan = new Map<string, string>();
  for (const p of plans) {
    if (p.deleted) continue;
    pairOfPlan.set(p.id, p.mentorshipId);
    const list = plansOf.get(p.mentorshipId);
    if (list) list.push(p);
    else plansOf.set(p.mentorshipId, [p]);
  }
  const itemsOf = new Map<string, ItemLike[]>();
  for (const i of items) {
    const pair = pairOfPlan.get(i.planId);
    if (i.deleted || pair === undefined) continue;
    const list = itemsOf.get(pair);
    if (list) list.push(i);
    else itemsOf.set(pair, [i]);
  }
  const ids = new Set([...meetingsOf.keys(), ...plansOf.keys()]);
  return [...ids].map((id) => summarizePair(id, meetingsOf.get(id) ?? [], plansOf.get(id) ?? [], itemsOf.get(id) ?? []));
}

/** `planProgress` of the pair's items, from its summary: the same figures on the same day. */
export function summaryProgress(s: PairSummary | undefined, today: string): PlanProgress | null {
  if (!s || s.items === 0) return null;
  const share = s.counted ? s.done / s.counted : null;
  let overdue = 0;
  for (const d of s.undoneDue) {
    if (d < today) overdue += 1;
    else break;
  }
  return {
    planned: s.counted,
    done: s.done,
    share,
    problem: share === null || share < PLAN_PROBLEM_THRESHOLD,
    overdue,
    allDue: s.counted > 0 && s.undated === 0 && s.maxDue <= today,
  };
}

/** Whole days from the pair's last meeting to today (`daysSinceLastMeeting`); null when it never met. */
export function summaryDaysSince(s: PairSummary | undefined, today: string): number | null {
  if (!s || s.lastMeetingDate === null) return null;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${s.lastMeetingDate}T00:00:00Z`)) / 86_400_000);
}

/** The warning marks of a pair's list row (`buildMentorshipRows`' `rowWarnings`), from its summary. */
export function summaryWarnings(
  m: Pick<MentorshipFields, 'status' | 'startDate'> & { createdAt?: string },
  s: PairSummary | undefined,
  today: string,
): RowWarning[] {
  return rowWarnings(m, summaryDaysSince(s, today), summaryProgress(s, today), today, s?.finalHeld ?? false);
}
