import { z } from 'zod';
import { explainPair, type ExistingMentorship, type MatchingInput, type MatchingRules, type PairExplanation } from './matching';
import type { MentoringFormRule } from './mentoringForm';
import type { PersonFields } from './person';
import { latestPreferences, type PreferenceLike, type PreferenceSide } from './preference';
import { plural } from './text';

type Live = { id: string; deleted?: boolean };
type PersonLike = Live & Pick<PersonFields, 'category' | 'classLabel' | 'interests' | 'competencies' | 'roles'> & { mentorCapacity?: number };

/** Which questionnaire(s) a person fills in after networking: as a mentee, as a mentor, or both. */
export function sidesOf(p: Pick<PersonFields, 'roles'>): PreferenceSide[] {
  const out: PreferenceSide[] = [];
  if (p.roles.includes('mentee')) out.push('mentee');
  if (p.roles.includes('mentor')) out.push('mentor');
  return out;
}

/**
 * The people who fill in the questionnaire, in the given order (the caller sorts by name), one entry per person and
 * side. Once attendance is kept, only those who came: someone who was not at the meeting cannot rank the people
 * he did not meet, is not counted in «Заполнено N из M», and does not go into matching (`absentees` lists them).
 */
export function questionnaireQueue<P extends Live & Pick<PersonFields, 'roles'>>(
  people: readonly P[],
  attendeeIds: readonly string[],
): { person: P; side: PreferenceSide }[] {
  const attended = new Set(attendeeIds);
  const live = people.filter((p) => !p.deleted && sidesOf(p).length > 0 && (attended.size === 0 || attended.has(p.id)));
  return live.flatMap((person) => sidesOf(person).map((side) => ({ person, side })));
}

/** Mentors and mentees who were not at the meeting, once attendance is kept (none before). */
export function absentees<P extends Live & Pick<PersonFields, 'roles'>>(people: readonly P[], attendeeIds: readonly string[]): P[] {
  if (attendeeIds.length === 0) return [];
  const attended = new Set(attendeeIds);
  return people.filter((p) => !p.deleted && sidesOf(p).length > 0 && !attended.has(p.id));
}

/** The next person and side without an answer after `current` (wrapping round), or undefined when all answered. */
export function nextUnanswered<E extends { person: { id: string }; side: PreferenceSide }>(
  queue: readonly E[],
  answered: ReadonlySet<string>,
  current?: { personId: string; side: PreferenceSide },
): E | undefined {
  const key = (e: { person: { id: string }; side: PreferenceSide }) => `${e.person.id}|${e.side}`;
  const start = current ? queue.findIndex((e) => e.person.id === current.personId && e.side === current.side) + 1 : 0;
  for (let k = 0; k < queue.length; k++) {
    const e = queue[(start + k) % queue.length]!;
    if (current && e.person.id === current.personId && e.side === current.side) continue;
    if (!answered.has(key(e))) return e;
  }
  return undefined;
}

/** Everything matching reads, from the stored records: the event's latest answers, capacities, existing pairs. */
export function matchingInputFrom(input: {
  people: readonly PersonLike[];
  forms: readonly MentoringFormRule[];
  preferences: readonly (PreferenceLike & { deleted?: boolean })[];
  mentorships: readonly ExistingMentorship[];
  eventId?: string;
  rules?: MatchingRules;
  /** Who came to the meeting; when kept, only they are matched (the absent are matched by hand). */
  attendeeIds?: readonly string[];
}): MatchingInput {
  const came = new Set(input.attendeeIds ?? []);
  const people = input.people.filter((p) => !p.deleted && (came.size === 0 || came.has(p.id)));
  const mentors = people.filter((p) => p.roles.includes('mentor'));
  const capacities: Record<string, number> = {};
  for (const m of mentors) if (m.mentorCapacity) capacities[m.id] = m.mentorCapacity;
  return {
    mentees: people.filter((p) => p.roles.includes('mentee')),
    mentors,
    forms: input.forms.filter((f) => !f.deleted),
    preferences: latestPreferences(
      input.preferences.filter((p) => !p.deleted),
      input.eventId,
    ),
    capacities,
    rules: input.rules,
    existing: input.mentorships,
  };
}

export interface AcceptedPair {
  menteeId: string;
  mentorId: string;
  formId: string;
}

/**
 * The input with the curator's accepted suggestions counted as pairs already made: they take their mentors' places
 * and their mentees leave the market, so the remaining suggestions and every «свободных мест» fit what is left.
 * `exceptMentee` leaves one mentee's own acceptance out, for changing that mentee's mentor.
 */
export function withAccepted(input: MatchingInput, accepted: readonly AcceptedPair[], exceptMentee?: string): MatchingInput {
  const made = accepted
    .filter((a) => a.menteeId !== exceptMentee)
    .map((a): ExistingMentorship => ({ mentorIds: [a.mentorId], menteeIds: [a.menteeId], status: 'forming' }));
  return made.length ? { ...input, existing: [...(input.existing ?? []), ...made] } : input;
}

export type AcceptCheck =
  | { ok: true }
  /** The mentor's places are all taken: accepting needs `capacity + 1` places (the screen asks before adding one). */
  | { ok: false; code: 'no-places'; capacity: number; message: string }
  | { ok: false; code: 'not-allowed'; message: string };

/** Whether the mentee may be given this mentor now, with the accepted suggestions counted; the reason if not. */
export function checkAcceptance(input: MatchingInput, accepted: readonly AcceptedPair[], menteeId: string, mentorId: string): AcceptCheck {
  return acceptanceOf(explainPair(withAccepted(input, accepted, menteeId), menteeId, mentorId));
}

/** The same check from an explanation already made over `withAccepted(input, accepted, menteeId)`. */
export function acceptanceOf(e: PairExplanation): AcceptCheck {
  if (!e.allowed) return { ok: false, code: 'not-allowed', message: e.violations.join('; ') };
  if (e.mentorFreePlaces > 0) return { ok: true };
  const n = e.mentorCapacity;
  return {
    ok: false,
    code: 'no-places',
    capacity: n,
    message: `Все места наставника заняты (${plural(n, { one: 'место', few: 'места', many: 'мест' })})`,
  };
}

/** The fields of a new pair or group, as the pair form would write them. */
export interface NewMentorship {
  formId: string;
  mentorIds: string[];
  menteeIds: string[];
  title: string;
  goal: string;
  startDate: string;
  plannedEndDate: string;
  status: 'forming';
  endDate: string;
  endReason: string;
}

/**
 * Accepted suggestions → pairs and groups, status «формируется». A mentor the curator marked «группой» gets one
 * group per form with all of that form's accepted mentees (in the order accepted); everyone else gets one pair per
 * mentee. The same mentee accepted twice counts once (the first acceptance wins).
 */
export function mentorshipsFromAccepted(accepted: readonly AcceptedPair[], asGroup: ReadonlySet<string>, startDate = ''): NewMentorship[] {
  const seen = new Set<string>();
  const out: NewMentorship[] = [];
  const groups = new Map<string, NewMentorship>();
  const blank = (a: AcceptedPair): NewMentorship => ({
    formId: a.formId,
    mentorIds: [a.mentorId],
    menteeIds: [a.menteeId],
    title: '',
    goal: '',
    startDate,
    plannedEndDate: '',
    status: 'forming',
    endDate: '',
    endReason: '',
  });
  for (const a of accepted) {
    if (seen.has(a.menteeId) || a.menteeId === a.mentorId) continue;
    seen.add(a.menteeId);
    if (!asGroup.has(a.mentorId)) {
      out.push(blank(a));
      continue;
    }
    const key = `${a.mentorId}|${a.formId}`;
    const g = groups.get(key);
    if (g && g.menteeIds.length < 30) g.menteeIds.push(a.menteeId);
    else {
      const fresh = blank(a);
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

const pairSchema = z.object({ menteeId: z.string().min(1), mentorId: z.string().min(1) });

/**
 * The curator's work on the suggestions of one networking event, kept as a local draft while it goes on: the rules,
 * the pairs rejected (not suggested again), the pairs accepted and the mentors whose mentees make one group. A closed
 * app or an update of it loses none of it; creating the pairs ends the draft.
 */
export const matchingDraftSchema = z.object({
  rules: z.object({ notSameClass: z.boolean(), mentorInHigherGrade: z.boolean() }),
  rejected: z.array(pairSchema).max(50_000),
  accepted: z.array(pairSchema.extend({ formId: z.string().min(1) })).max(50_000),
  groups: z.array(z.string().min(1)).max(50_000),
});
export type MatchingDraft = z.output<typeof matchingDraftSchema>;

export const EMPTY_MATCHING_DRAFT: MatchingDraft = { rules: { notSameClass: true, mentorInHigherGrade: true }, rejected: [], accepted: [], groups: [] };

/**
 * A stored draft made fit for today's data: an unreadable one (an older app's, a damaged one) starts afresh; people
 * deleted since drop out; one accepted pair per mentee (the latest); a group mark only for a mentor with accepted
 * mentees; a pair accepted and rejected at once stays accepted (the latest decision is the acceptance).
 */
export function restoreMatchingDraft(raw: unknown, livePeople: ReadonlySet<string>): MatchingDraft {
  const parsed = matchingDraftSchema.safeParse(raw);
  if (!parsed.success) return EMPTY_MATCHING_DRAFT;
  const d = parsed.data;
  const live = (p: { menteeId: string; mentorId: string }) => livePeople.has(p.menteeId) && livePeople.has(p.mentorId);
  const byMentee = new Map<string, AcceptedPair>();
  for (const a of d.accepted) if (live(a)) byMentee.set(a.menteeId, a);
  const accepted = [...byMentee.values()];
  const acceptedKeys = new Set(accepted.map((a) => `${a.menteeId}|${a.mentorId}`));
  const seen = new Set<string>();
  const rejected = d.rejected.filter((r) => {
    const key = `${r.menteeId}|${r.mentorId}`;
    if (!live(r) || acceptedKeys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const mentors = new Set(accepted.map((a) => a.mentorId));
  return { rules: d.rules, rejected, accepted, groups: [...new Set(d.groups)].filter((m) => mentors.has(m)) };
}

/**
 * Accepting a mentee's pair replaces an earlier acceptance for that mentee and takes back its rejection. A mentor
 * who gets a second accepted mentee is marked «группой» (a mentor with several places leads a group): the curator
 * unticks it for separate pairs, and a third acceptance does not put the mark back.
 */
export function acceptPair(d: MatchingDraft, a: AcceptedPair): MatchingDraft {
  const accepted = [...d.accepted.filter((x) => x.menteeId !== a.menteeId), a];
  const before = d.accepted.filter((x) => x.mentorId === a.mentorId && x.menteeId !== a.menteeId).length;
  const becomesGroup = before === 1 && !d.groups.includes(a.mentorId);
  return {
    ...d,
    accepted,
    rejected: d.rejected.filter((r) => !(r.menteeId === a.menteeId && r.mentorId === a.mentorId)),
    groups: becomesGroup ? [...d.groups, a.mentorId] : d.groups,
  };
}

/** Rejecting a suggestion: the pair is not suggested again, and an acceptance of that mentee is taken back. */
export function rejectPair(d: MatchingDraft, p: { menteeId: string; mentorId: string }): MatchingDraft {
  const rejected = d.rejected.some((r) => r.menteeId === p.menteeId && r.mentorId === p.mentorId) ? d.rejected : [...d.rejected, { menteeId: p.menteeId, mentorId: p.mentorId }];
  return withoutAcceptance({ ...d, rejected }, p.menteeId);
}

/** Takes a mentee's acceptance back (to the suggestions); a mentor left without accepted mentees loses the group mark. */
export function withoutAcceptance(d: MatchingDraft, menteeId: string): MatchingDraft {
  const accepted = d.accepted.filter((a) => a.menteeId !== menteeId);
  const mentors = new Set(accepted.map((a) => a.mentorId));
  return { ...d, accepted, groups: d.groups.filter((m) => mentors.has(m)) };
}

/** Takes a rejection back: the pair may be suggested again. */
export function unrejectPair(d: MatchingDraft, p: { menteeId: string; mentorId: string }): MatchingDraft {
  return { ...d, rejected: d.rejected.filter((r) => !(r.menteeId === p.menteeId && r.mentorId === p.mentorId)) };
}
