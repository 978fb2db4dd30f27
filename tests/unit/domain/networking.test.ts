import { describe, expect, it } from 'vitest';
import {
  acceptPair,
  EMPTY_MATCHING_DRAFT,
  matchingInputFrom,
  mentorshipsFromAccepted,
  nextUnanswered,
  questionnaireQueue,
  absentees,
  checkAcceptance,
  rejectPair,
  withAccepted,
  withoutAcceptance,
  restoreMatchingDraft,
  sidesOf,
  unrejectPair,
} from '../../../src/domain/networking';
import { mentorPlaces, suggestMatches } from '../../../src/domain/matching';
import { DEFAULT_MENTORING_FORMS } from '../../../src/domain/mentoringForm';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';

const person = (id: string, category: 'student' | 'teacher', roles: ('mentor' | 'mentee')[], extra: Record<string, unknown> = {}) => ({
  id,
  category,
  classLabel: category === 'student' ? '7А' : '',
  interests: [] as string[],
  competencies: [] as string[],
  roles,
  ...extra,
});

describe('the questionnaire queue after networking', () => {
  const people = [person('a', 'student', ['mentee']), person('b', 'teacher', ['mentor']), person('c', 'student', ['mentor', 'mentee']), person('d', 'teacher', [])];
  it('lists each person once per side, nobody without a role; once attendance is kept, only those who came', () => {
    expect(sidesOf(people[2]!)).toEqual(['mentee', 'mentor']);
    expect(questionnaireQueue(people, []).map((e) => `${e.person.id}:${e.side}`)).toEqual(['a:mentee', 'b:mentor', 'c:mentee', 'c:mentor']);
    const q = questionnaireQueue(people, ['c', 'b']);
    expect(q.map((e) => `${e.person.id}:${e.side}`)).toEqual(['b:mentor', 'c:mentee', 'c:mentor']);
    expect(absentees(people, ['c', 'b']).map((p) => p.id)).toEqual(['a']);
    expect(absentees(people, [])).toEqual([]);
  });
  it('matching takes only those who came, once attendance is kept', () => {
    const withRoles = people.map((p) => ({ ...p, category: p.category as never }));
    const all = matchingInputFrom({ people: withRoles as never, forms: [], preferences: [], mentorships: [] });
    expect(all.mentees.map((p) => p.id)).toEqual(['a', 'c']);
    const came = matchingInputFrom({ people: withRoles as never, forms: [], preferences: [], mentorships: [], attendeeIds: ['b', 'c'] });
    expect(came.mentees.map((p) => p.id)).toEqual(['c']);
    expect(came.mentors.map((p) => p.id)).toEqual(['b', 'c']);
  });
  it('goes to the next person without an answer, wrapping round, and says when everyone has answered', () => {
    const q = questionnaireQueue(people, []);
    const answered = new Set(['a|mentee', 'c|mentee']);
    expect(nextUnanswered(q, answered, { personId: 'a', side: 'mentee' })?.person.id).toBe('b');
    expect(nextUnanswered(q, answered, { personId: 'b', side: 'mentor' })).toMatchObject({ person: { id: 'c' }, side: 'mentor' });
    expect(nextUnanswered(q, new Set(['a|mentee', 'b|mentor', 'c|mentee', 'c|mentor']))).toBeUndefined();
  });
});

describe('accepted suggestions become pairs and groups', () => {
  it('one pair per mentee, a group per form for a mentor marked «группой», a mentee accepted twice counted once', () => {
    const out = mentorshipsFromAccepted(
      [
        { menteeId: 's1', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's2', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's3', mentorId: 't2', formId: 'teacher-student' },
        { menteeId: 's4', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's3', mentorId: 't1', formId: 'teacher-student' },
      ],
      new Set(['t1']),
      '2025-10-01',
    );
    expect(out.map((m) => [m.mentorIds.join(), m.menteeIds.join()])).toEqual([
      ['t1', 's1,s2,s4'],
      ['t2', 's3'],
    ]);
    for (const m of out) {
      expect(m.status).toBe('forming');
      expect(m.startDate).toBe('2025-10-01');
      expect(mentorshipInputSchema.safeParse(m).success).toBe(true);
    }
  });
  it('without «группой» the same mentor gets separate pairs', () => {
    const out = mentorshipsFromAccepted(
      [
        { menteeId: 's1', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's2', mentorId: 't1', formId: 'teacher-student' },
      ],
      new Set(),
    );
    expect(out).toHaveLength(2);
  });
});

describe('matching input from stored records', () => {
  it('takes the event\'s latest answers, capacities, live people and forms; the result honours capacity', () => {
    const people = [
      person('t1', 'teacher', ['mentor'], { mentorCapacity: 2 }),
      person('s1', 'student', ['mentee']),
      person('s2', 'student', ['mentee']),
      person('s3', 'student', ['mentee'], { deleted: true }),
    ];
    const input = matchingInputFrom({
      people,
      forms: DEFAULT_MENTORING_FORMS,
      preferences: [
        { eventId: 'e1', personId: 's1', side: 'mentee', ranked: ['t1'] },
        { eventId: 'e2', personId: 's2', side: 'mentee', ranked: ['t1'] },
      ],
      mentorships: [],
      eventId: 'e1',
    });
    expect(input.mentees.map((p) => p.id)).toEqual(['s1', 's2']);
    expect(input.capacities).toEqual({ t1: 2 });
    expect(input.preferences).toHaveLength(1);
    const r = suggestMatches(input);
    expect(r.suggestions.map((s) => s.menteeId).sort()).toEqual(['s1', 's2']);
    expect(r.suggestions.every((s) => s.mentorId === 't1' && s.formId === 'teacher-student')).toBe(true);
  });
});

describe('the curator’s draft of decisions on suggestions', () => {
  const live = new Set(['e1', 'e2', 'e3', 'm1', 'm2']);
  const a = (menteeId: string, mentorId: string) => ({ menteeId, mentorId, formId: 'f-teacher-student' });

  it('accepting replaces the mentee’s earlier acceptance and takes back a rejection of that pair', () => {
    let d = rejectPair(EMPTY_MATCHING_DRAFT, { menteeId: 'e1', mentorId: 'm1' });
    d = acceptPair(d, a('e1', 'm2'));
    d = acceptPair(d, a('e1', 'm1'));
    expect(d.accepted).toEqual([a('e1', 'm1')]);
    expect(d.rejected).toEqual([]);
  });

  it('rejecting is not repeated, takes back the mentee’s acceptance, and a mentor left alone loses the group mark', () => {
    let d = acceptPair(acceptPair(EMPTY_MATCHING_DRAFT, a('e1', 'm1')), a('e2', 'm1'));
    d = { ...d, groups: ['m1'] };
    d = rejectPair(d, { menteeId: 'e1', mentorId: 'm1' });
    expect(d.groups).toEqual(['m1']);
    d = rejectPair(rejectPair(d, { menteeId: 'e2', mentorId: 'm1' }), { menteeId: 'e2', mentorId: 'm1' });
    expect(d.accepted).toEqual([]);
    expect(d.groups).toEqual([]);
    expect(d.rejected).toHaveLength(2);
    expect(unrejectPair(d, { menteeId: 'e1', mentorId: 'm1' }).rejected).toEqual([{ menteeId: 'e2', mentorId: 'm1' }]);
  });

  it('a stored draft comes back cleaned: deleted people drop out, one acceptance per mentee, groups only with mentees', () => {
    const stored = {
      rules: { notSameClass: false, mentorInHigherGrade: true },
      rejected: [
        { menteeId: 'e3', mentorId: 'm1' },
        { menteeId: 'e3', mentorId: 'm1' },
        { menteeId: 'gone', mentorId: 'm1' },
        { menteeId: 'e1', mentorId: 'm2' },
      ],
      accepted: [a('e1', 'm1'), a('e1', 'm2'), a('e2', 'gone')],
      groups: ['m2', 'gone', 'm1'],
    };
    expect(restoreMatchingDraft(stored, live)).toEqual({
      rules: { notSameClass: false, mentorInHigherGrade: true },
      rejected: [{ menteeId: 'e3', mentorId: 'm1' }],
      accepted: [a('e1', 'm2')],
      groups: ['m2'],
    });
  });

  it('an unreadable draft (another version’s, damaged, absent) starts afresh', () => {
    for (const raw of [undefined, null, 'x', { rules: {} }, { ...EMPTY_MATCHING_DRAFT, accepted: [{ menteeId: 'e1' }] }])
      expect(restoreMatchingDraft(raw, live)).toEqual(EMPTY_MATCHING_DRAFT);
  });
});

describe('a mentor’s places during matching (accepted suggestions count)', () => {
  const people = [
    person('t1', 'teacher', ['mentor'], { mentorCapacity: 2 }),
    person('t2', 'teacher', ['mentor']),
    person('s1', 'student', ['mentee']),
    person('s2', 'student', ['mentee']),
    person('s3', 'student', ['mentee']),
  ];
  const input = matchingInputFrom({
    people,
    forms: DEFAULT_MENTORING_FORMS,
    preferences: ['s1', 's2', 's3'].map((id) => ({ eventId: 'e1', personId: id, side: 'mentee' as const, ranked: ['t1', 't2'] })),
    mentorships: [],
    eventId: 'e1',
  });
  const acc = (menteeId: string, mentorId: string) => ({ menteeId, mentorId, formId: 'teacher-student' });

  it('free places fall with each accepted suggestion, and the remaining suggestions fit what is left', () => {
    expect(mentorPlaces(input).get('t1')).toEqual({ capacity: 2, free: 2 });
    const one = withAccepted(input, [acc('s1', 't1')]);
    expect(mentorPlaces(one).get('t1')).toEqual({ capacity: 2, free: 1 });
    const two = withAccepted(input, [acc('s1', 't1'), acc('s2', 't1')]);
    expect(mentorPlaces(two).get('t1')).toEqual({ capacity: 2, free: 0 });
    const r = suggestMatches(two);
    expect(r.suggestions.map((s) => [s.menteeId, s.mentorId])).toEqual([['s3', 't2']]);
    expect(r.freePlaces.t1).toBeUndefined();
  });

  it('a mentor whose places are all taken cannot get one more mentee without a new place; one place left is enough', () => {
    expect(checkAcceptance(input, [acc('s1', 't1')], 's2', 't1')).toEqual({ ok: true });
    const full = checkAcceptance(input, [acc('s1', 't1'), acc('s2', 't1')], 's3', 't1');
    expect(full).toMatchObject({ ok: false, code: 'no-places', capacity: 2 });
    if (!full.ok) expect(full.message).toBe('Все места наставника заняты (2 места)');
    // a mentor with the default single place, already accepted for s1
    const single = checkAcceptance(input, [acc('s1', 't2')], 's2', 't2');
    expect(single).toMatchObject({ ok: false, code: 'no-places', capacity: 1 });
    if (!single.ok) expect(single.message).toBe('Все места наставника заняты (1 место)');
    // the mentee's own acceptance does not count against the mentor it is changed to
    expect(checkAcceptance(input, [acc('s1', 't2')], 's1', 't2')).toEqual({ ok: true });
    // a pair that already exists takes a place too
    const withExisting = { ...input, existing: [{ mentorIds: ['t2'], menteeIds: ['x'], status: 'active' }] };
    expect(checkAcceptance(withExisting, [], 's1', 't2')).toMatchObject({ ok: false, code: 'no-places' });
    expect(checkAcceptance(input, [], 's1', 's2')).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('a second accepted mentee marks the mentor «группой»; unticked, a third does not put the mark back', () => {
    let d = acceptPair(EMPTY_MATCHING_DRAFT, acc('s1', 't1'));
    expect(d.groups).toEqual([]);
    d = acceptPair(d, acc('s2', 't1'));
    expect(d.groups).toEqual(['t1']);
    expect(mentorshipsFromAccepted(d.accepted, new Set(d.groups))).toHaveLength(1);
    d = { ...d, groups: [] };
    d = acceptPair(d, acc('s3', 't1'));
    expect(d.groups).toEqual([]);
    // re-accepting the same mentee with the same mentor is not a second mentee
    const again = acceptPair(acceptPair(EMPTY_MATCHING_DRAFT, acc('s1', 't1')), acc('s1', 't1'));
    expect(again.groups).toEqual([]);
    expect(withoutAcceptance(d, 's1').accepted).toHaveLength(2);
  });
});
