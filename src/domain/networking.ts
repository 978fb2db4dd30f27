import type { ExistingMentorship, MatchingInput, MatchingRules } from './matching';
import type { MentoringFormRule } from './mentoringForm';
import type { PersonFields } from './person';
import { latestPreferences, type PreferenceLike, type PreferenceSide } from './preference';

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
 * The people who fill in the questionnaire, in the order the curator goes through them: those who attended
 * first (when attendance is kept), then by the given order (the caller sorts by name). One entry per person
 * and side.
 */
export function questionnaireQueue<P extends Live & Pick<PersonFields, 'roles'>>(
  people: readonly P[],
  attendeeIds: readonly string[],
): { person: P; side: PreferenceSide }[] {
  const attended = new Set(attendeeIds);
  const live = people.filter((p) => !p.deleted && sidesOf(p).length > 0);
  const ordered = attended.size ? [...live.filter((p) => attended.has(p.id)), ...live.filter((p) => !attended.has(p.id))] : live;
  return ordered.flatMap((person) => sidesOf(person).map((side) => ({ person, side })));
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
}): MatchingInput {
  const people = input.people.filter((p) => !p.deleted);
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
