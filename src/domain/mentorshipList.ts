import { MENTORSHIP_STATUSES, canTransition, isGroup, type MentorshipFields, type MentorshipStatus } from './mentorship';
import { MEETING_KINDS, daysSinceLastMeeting, outOfOrder, stageTimeline, suggestNextKind, type MeetingFields, type MeetingKind } from './meeting';
import { planProgress, type PlanFields, type PlanItemFields, type PlanProgress } from './plan';
import { shortName, type PersonFields, type PersonRole } from './person';
import { matchesQuery, normalizeText } from './text';
import { groupBy } from './collections';
import { AppError } from './errors';

/** "Has not met for a month": the reminder users of mentoring software keep asking for. */
export const STALE_MEETING_DAYS = 30;
export const STAGE_COUNT = MEETING_KINDS.length;

type Live = { id: string; deleted?: boolean; createdAt?: string };
type PersonLike = Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'classLabel' | 'category'>;
type MentorshipLike = Live & Pick<MentorshipFields, 'formId' | 'mentorIds' | 'menteeIds' | 'title' | 'status' | 'startDate'>;
type MeetingLike = Live & Pick<MeetingFields, 'mentorshipId' | 'kind' | 'date'>;
type PlanLike = Live & Pick<PlanFields, 'mentorshipId'>;
type ItemLike = Live & Pick<PlanItemFields, 'planId' | 'status' | 'dueDate'>;

export type RowWarning =
  | { kind: 'notMet'; days: number }
  | { kind: 'neverMet'; days: number }
  | { kind: 'planUnder90'; share: number }
  /** Items past their due date and not done: the plan is behind now, whatever its share. */
  | { kind: 'planOverdue'; count: number };

export interface MentorshipRow<M extends MentorshipLike = MentorshipLike> {
  mentorship: M;
  mentorNames: string[];
  menteeNames: string[];
  formName: string;
  group: boolean;
  /** Stages of the five held at least once. */
  stagesDone: number;
  daysSinceMeeting: number | null;
  /** Over all live plans of the pair; null when it has no plan items. */
  plan: PlanProgress | null;
  warnings: RowWarning[];
  /** Normalised names, title and form, for the search box. */
  search: string;
}

/** «Иванова М. П.», with the class for a student: «Семёнов П., 7Б». */
export function personLabel(people: ReadonlyMap<string, PersonLike>, id: string): string {
  const p = people.get(id);
  if (!p) return '(участник удалён)';
  return p.category === 'student' && p.classLabel ? `${shortName(p)}, ${p.classLabel}` : shortName(p);
}

const live = <T extends Live>(xs: readonly T[]) => xs.filter((x) => !x.deleted);

/** Whole days from `from` to `to` (both ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reasons a row carries a warning mark: an active pair that has not met for 30+ days (or never, 30+ days after
 * it started), a plan with overdue items, and a plan completed below 90 % once all its items are due or the work is
 * over (the final meeting held, or the pair finished: the roadmap's problem line), unless the work was interrupted.
 */
export function rowWarnings(
  m: Pick<MentorshipLike, 'status' | 'startDate' | 'createdAt'>,
  daysSinceMeeting: number | null,
  plan: PlanProgress | null,
  today: string,
  /** The pair has held its final meeting: the work is over, so the plan's share is final too. */
  finalHeld = false,
): RowWarning[] {
  const out: RowWarning[] = [];
  if (m.status === 'active') {
    if (daysSinceMeeting !== null && daysSinceMeeting >= STALE_MEETING_DAYS) out.push({ kind: 'notMet', days: daysSinceMeeting });
    if (daysSinceMeeting === null) {
      const since = m.startDate || m.createdAt?.slice(0, 10);
      const days = since ? daysBetween(since, today) : 0;
      if (days >= STALE_MEETING_DAYS) out.push({ kind: 'neverMet', days });
    }
  }
  // A plan under way is not a problem for being under 90 % in December: it is behind when items are overdue, and
  // under 90 % counts once its items' dates have all come (the monitoring judges the rest at the year's end).
  if (m.status !== 'interrupted' && plan && plan.share !== null) {
    if (plan.overdue > 0) out.push({ kind: 'planOverdue', count: plan.overdue });
    else if (plan.problem && (plan.allDue || finalHeld || m.status === 'finished')) out.push({ kind: 'planUnder90', share: plan.share });
  }
  return out;
}

/** One row per live pair/group, from the live records (built once per change of the data). */
export function buildMentorshipRows<M extends MentorshipLike>(input: {
  mentorships: readonly M[];
  meetings: readonly MeetingLike[];
  plans: readonly PlanLike[];
  items: readonly ItemLike[];
  people: ReadonlyMap<string, PersonLike>;
  formNames: ReadonlyMap<string, string>;
  today: string;
}): MentorshipRow<M>[] {
  const meetingsOf = groupBy(live(input.meetings), (x) => x.mentorshipId);
  const plansOf = groupBy(live(input.plans), (x) => x.mentorshipId);
  const itemsOf = groupBy(live(input.items), (x) => x.planId);
  return live(input.mentorships).map((m) => {
    const meetings = meetingsOf.get(m.id) ?? [];
    const items = (plansOf.get(m.id) ?? []).flatMap((p) => itemsOf.get(p.id) ?? []);
    const plan = items.length ? planProgress(items, input.today) : null;
    const daysSinceMeeting = daysSinceLastMeeting(meetings, input.today);
    const mentorNames = m.mentorIds.map((id) => personLabel(input.people, id));
    const menteeNames = m.menteeIds.map((id) => personLabel(input.people, id));
    const formName = input.formNames.get(m.formId) ?? m.formId;
    return {
      mentorship: m,
      mentorNames,
      menteeNames,
      formName,
      group: isGroup(m),
      stagesDone: stageTimeline(meetings).filter((s) => s.done).length,
      daysSinceMeeting,
      plan,
      warnings: rowWarnings(m, daysSinceMeeting, plan, input.today, meetings.some((x) => x.kind === 'final')),
      search: normalizeText([...mentorNames, ...menteeNames, m.title, formName].join(' ')),
    };
  });
}

export interface MentorshipFilter {
  query: string;
  status: MentorshipStatus | '';
  formId: string;
  /** Only rows with a warning mark. */
  attention?: boolean;
}

const STATUS_ORDER: Record<MentorshipStatus, number> = { active: 0, forming: 1, finished: 2, interrupted: 3 };
const collator = new Intl.Collator('ru-RU', { sensitivity: 'base', numeric: true });

/** Active work first, then forming, finished and interrupted; by mentor's name within each. */
export function filterMentorshipRows<R extends MentorshipRow>(rows: readonly R[], f: MentorshipFilter): R[] {
  return rows
    .filter(
      (r) =>
        (!f.status || r.mentorship.status === f.status) &&
        (!f.formId || r.mentorship.formId === f.formId) &&
        (!f.attention || r.warnings.length > 0) &&
        (!f.query || matchesQuery(r.search, f.query)),
    )
    .sort(
      (a, b) =>
        STATUS_ORDER[a.mentorship.status] - STATUS_ORDER[b.mentorship.status] ||
        collator.compare(a.mentorNames.join(' '), b.mentorNames.join(' ')) ||
        collator.compare(a.menteeNames.join(' '), b.menteeNames.join(' ')),
    );
}

/** «Мои пары и группы» (where this device's user is a mentor, or a mentee) and the rest. */
export function splitMine<R extends MentorshipRow>(rows: readonly R[], me: string | null): { mine: R[]; others: R[] } {
  if (!me) return { mine: [], others: [...rows] };
  const mine: R[] = [];
  const others: R[] = [];
  for (const r of rows) (r.mentorship.mentorIds.includes(me) || r.mentorship.menteeIds.includes(me) ? mine : others).push(r);
  return { mine, others };
}

/** The statuses a pair may move to from its current one (not counting staying where it is). */
export function nextStatuses(from: MentorshipStatus): MentorshipStatus[] {
  return MENTORSHIP_STATUSES.filter((s) => s !== from && canTransition(from, s));
}

/**
 * The pair's fields after a move to `to`: starting work dates its start (if not set); finishing or interrupting
 * dates its end and, for an interruption, keeps the reason. The caller validates with the domain schema.
 */
export function withStatus<F extends MentorshipFields>(m: F, to: MentorshipStatus, today: string, change: { endDate?: string; endReason?: string } = {}): F {
  if (!canTransition(m.status, to)) throw new AppError('notAllowed', 'Так сменить статус пары или группы нельзя: завершённая или прерванная работа не начинается снова');
  const next: F = { ...m, status: to };
  if (to === 'active' && !next.startDate) next.startDate = today;
  if (to === 'finished' || to === 'interrupted') next.endDate = change.endDate || m.endDate || today;
  if (change.endReason !== undefined) next.endReason = change.endReason.trim();
  return next;
}

export interface TimelineStage {
  kind: MeetingKind;
  dates: string[];
  done: boolean;
  /** The stage a new meeting most likely is. */
  next: boolean;
  /** Held before a stage that should come first. */
  outOfOrder: boolean;
}

/** The five stages for the pair's page: passed (with dates), the one due next, those held out of order. */
export function timelineOf(meetings: readonly Pick<MeetingFields, 'kind' | 'date'>[]): TimelineStage[] {
  const wrong = new Set(outOfOrder(meetings));
  const finalHeld = meetings.some((m) => m.kind === 'final');
  const next = suggestNextKind(meetings);
  return stageTimeline(meetings).map((s) => ({ ...s, next: !finalHeld && s.kind === next, outOfOrder: wrong.has(s.kind) }));
}

/** Meetings for the log: newest first; the same day by the time they were written. */
export function meetingLog<T extends Pick<MeetingFields, 'date'> & { createdAt: string }>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

/** «Индивидуальный план: Семёнов П., 7Б», or for a group «… группы: Семёнов П., Ли А. и ещё 3». */
export function defaultPlanTitle(m: Pick<MentorshipFields, 'menteeIds' | 'mentorIds'>, people: ReadonlyMap<string, PersonLike>): string {
  const names = m.menteeIds.map((id) => personLabel(people, id));
  if (names.length <= 1) return `Индивидуальный план: ${names[0] ?? ''}`.trim();
  const shown = names.slice(0, 2).join('; ');
  return `Индивидуальный план группы: ${shown}${names.length > 2 ? ` и ещё ${names.length - 2}` : ''}`;
}

/**
 * People offered for a side of a pair: those with the role first (by name), then everyone else, so that a person
 * not yet marked as a mentor can still be chosen. `allowed` (the form's categories) narrows the first group.
 */
export function pickerOrder<P extends Live & PersonLike & Pick<PersonFields, 'roles'>>(
  people: readonly P[],
  role: PersonRole,
  allowed?: (p: P) => boolean,
): { person: P; preferred: boolean }[] {
  const named = live(people).map((p) => ({ person: p, preferred: p.roles.includes(role) && (!allowed || allowed(p)), name: shortName(p) }));
  named.sort((a, b) => Number(b.preferred) - Number(a.preferred) || collator.compare(a.name, b.name) || a.person.id.localeCompare(b.person.id));
  return named.map(({ person, preferred }) => ({ person, preferred }));
}

interface FormLike {
  id: string;
  name: string;
  mentorCategories: readonly PersonFields['category'][];
  menteeCategories: readonly PersonFields['category'][];
}

const isCategoryList = (x: unknown): x is PersonFields['category'][] => Array.isArray(x) && x.length > 0 && x.every((c) => typeof c === 'string');

/**
 * The forms to choose from: the built-in list (in its order) with the school's stored versions over it, then the
 * school's own forms by name. A stored tombstone hides a form; a stored record that is not a usable form (a newer
 * app's shape, a damaged import) leaves the built-in one in place.
 */
export function formsForSelect<D extends FormLike>(defaults: readonly D[], records: readonly { id: string; deleted?: boolean; name?: unknown; mentorCategories?: unknown; menteeCategories?: unknown }[]): FormLike[] {
  const stored = new Map<string, FormLike | null>();
  for (const r of records) {
    if (r.deleted) stored.set(r.id, null);
    else if (typeof r.name === 'string' && r.name.trim() && isCategoryList(r.mentorCategories) && isCategoryList(r.menteeCategories))
      stored.set(r.id, { id: r.id, name: r.name.trim(), mentorCategories: r.mentorCategories, menteeCategories: r.menteeCategories });
  }
  const builtIn = defaults.flatMap((d) => {
    const s = stored.get(d.id);
    if (s === null) return [];
    return [s ?? { id: d.id, name: d.name, mentorCategories: d.mentorCategories, menteeCategories: d.menteeCategories }];
  });
  const known = new Set(defaults.map((d) => d.id));
  const own = [...stored.values()].filter((f): f is FormLike => !!f && !known.has(f.id)).sort((a, b) => collator.compare(a.name, b.name));
  return [...builtIn, ...own];
}

/** People chosen for a side whose category the form does not admit: a warning, not a refusal (the curator judges). */
export function outsideForm(
  form: Pick<FormLike, 'mentorCategories' | 'menteeCategories'> | undefined,
  side: 'mentor' | 'mentee',
  ids: readonly string[],
  people: ReadonlyMap<string, PersonLike>,
): string[] {
  if (!form) return [];
  const admitted = side === 'mentor' ? form.mentorCategories : form.menteeCategories;
  return ids.filter((id) => {
    const p = people.get(id);
    return p && !admitted.includes(p.category);
  }).map((id) => personLabel(people, id));
}

/**
 * A participant's pairs and groups for their card: as mentor or mentee, those still at work first (forming, active),
 * then the ended ones, newest start first within each. The same record given twice (found by both indexes) counts once.
 */
export function mentorshipsOfPerson<M extends MentorshipLike>(personId: string, mentorships: readonly M[]): { mentorship: M; role: PersonRole }[] {
  const atWork = (m: M) => (m.status === 'forming' || m.status === 'active' ? 0 : 1);
  return live([...new Map(mentorships.map((m) => [m.id, m])).values()])
    .flatMap((m): { mentorship: M; role: PersonRole }[] =>
      m.mentorIds.includes(personId) ? [{ mentorship: m, role: 'mentor' }] : m.menteeIds.includes(personId) ? [{ mentorship: m, role: 'mentee' }] : [],
    )
    .sort((a, b) => atWork(a.mentorship) - atWork(b.mentorship) || (b.mentorship.startDate ?? '').localeCompare(a.mentorship.startDate ?? ''));
}

/**
 * A pair or group by its people, for lists where a title alone says nothing: «Робототехника: Петров И. С. →
 * Семёнова А.», or just the names; a person no longer on this device shows as «(удалён)».
 */
export function pairLabel(
  m: Pick<MentorshipFields, 'title' | 'mentorIds' | 'menteeIds'>,
  people: ReadonlyMap<string, Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>>,
): string {
  const names = (ids: readonly string[]) => ids.map((id) => (people.get(id) ? shortName(people.get(id)!) : '(удалён)')).join(', ');
  const who = `${names(m.mentorIds)} → ${names(m.menteeIds)}`;
  return m.title ? `${m.title}: ${who}` : who;
}

/**
 * A pair's or group's screen title, by its people and short enough for a phone's header: «Петров И. С. → Семёнова А.,
 * 7Б» (a student with her class, as everywhere else); a group by its title when it has one, «Проектная группа «Робот» ·
 * Смирнов А. П.», else «Петров И. С. → группа из 5» (no line break inside «группа из 5»); co-mentors «Петров И. С. и ещё
 * 1 → …». A person no longer on this device shows as «(удалён)».
 */
export function pairHeading(
  m: Pick<MentorshipFields, 'mentorIds' | 'menteeIds'> & Partial<Pick<MentorshipFields, 'title'>>,
  people: ReadonlyMap<string, Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'> & Partial<Pick<PersonFields, 'category' | 'classLabel'>>>,
): string {
  const name = (id: string | undefined) => {
    const p = id === undefined ? undefined : people.get(id);
    if (!p) return '(удалён)';
    return p.category === 'student' && p.classLabel ? `${shortName(p)}, ${p.classLabel}` : shortName(p);
  };
  const mentors = m.mentorIds.length === 0 ? 'без наставника' : `${name(m.mentorIds[0])}${m.mentorIds.length > 1 ? ` и ещё ${m.mentorIds.length - 1}` : ''}`;
  const title = m.title?.trim();
  if (m.menteeIds.length > 1 && title) return `${title} · ${mentors}`;
  const mentees = m.menteeIds.length === 0 ? 'без наставляемых' : m.menteeIds.length === 1 ? name(m.menteeIds[0]) : `группа\u00a0из\u00a0${m.menteeIds.length}`;
  return `${mentors} → ${mentees}`;
}

/**
 * A meeting dated before its pair's start, or after its end: not refused (a pair entered late logs meetings held
 * before it was entered), but said, so that a wrong date is noticed; `null` when the date fits.
 */
export function meetingDateNotice(
  date: string,
  m: Pick<MentorshipFields, 'startDate' | 'endDate'>,
): { code: 'before-start'; startDate: string } | { code: 'after-end'; endDate: string } | null {
  if (!date) return null;
  if (m.startDate && date < m.startDate) return { code: 'before-start', startDate: m.startDate };
  if (m.endDate && date > m.endDate) return { code: 'after-end', endDate: m.endDate };
  return null;
}

/** The forming pairs and groups among these, which «Начать работу со всеми» starts at once. */
export function formingIds(rows: readonly { id: string; status: MentorshipStatus; deleted?: boolean }[]): string[] {
  return rows.filter((r) => !r.deleted && r.status === 'forming').map((r) => r.id);
}
