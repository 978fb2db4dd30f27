import { describe, expect, it } from 'vitest';
import { explainPair, preferenceLists, suggestMatches, type MatchingInput, type MatchPerson } from '../../../src/domain/matching';
import { DEFAULT_MENTORING_FORMS } from '../../../src/domain/mentoringForm';
import type { PersonCategory } from '../../../src/domain/person';
import type { PreferenceLike } from '../../../src/domain/preference';

const person = (id: string, category: PersonCategory, extra: Partial<MatchPerson> = {}): MatchPerson => ({
  id,
  category,
  classLabel: '',
  interests: [],
  competencies: [],
  ...extra,
});
const student = (id: string, classLabel = '7А', extra: Partial<MatchPerson> = {}) => person(id, 'student', { classLabel, ...extra });
const teacher = (id: string, extra: Partial<MatchPerson> = {}) => person(id, 'teacher', extra);
const menteePrefs = (personId: string, ...ranked: string[]): PreferenceLike => ({ personId, side: 'mentee', ranked });
const mentorPrefs = (personId: string, ...ranked: string[]): PreferenceLike => ({ personId, side: 'mentor', ranked });

const match = (input: Partial<MatchingInput>) => suggestMatches({ mentees: [], mentors: [], forms: DEFAULT_MENTORING_FORMS, ...input });
const pairs = (input: Partial<MatchingInput>) =>
  Object.fromEntries(match(input).suggestions.map((s) => [s.menteeId, s.mentorId]));

describe('suggestMatches: hand-worked cases', () => {
  it('pairs a mutual first choice and says why', () => {
    const r = match({
      mentees: [student('e1')],
      mentors: [teacher('t1'), teacher('t2')],
      preferences: [menteePrefs('e1', 't1'), mentorPrefs('t1', 'e1')],
    });
    expect(r.unmatched).toEqual([]);
    const [s] = r.suggestions;
    expect(s).toMatchObject({ menteeId: 'e1', mentorId: 't1', formId: 'teacher-student', score: 80 });
    expect(s!.breakdown).toMatchObject({ menteeRank: 1, mentorRank: 1, menteeChoice: 40, mentorChoice: 30, mutual: 10, interests: 0 });
    expect(s!.reasons).toEqual([
      'Взаимный выбор: наставляемый поставил на 1-е место, наставник — на 1-е',
      'Форма: Учитель – ученик',
    ]);
    expect(r.freePlaces).toEqual({ t2: 1 });
  });

  it('gives a full mentor to the mentee the mentor ranked higher, and the other their next choice', () => {
    const r = match({
      mentees: [student('e1'), student('e2')],
      mentors: [teacher('t1'), teacher('t2')],
      preferences: [menteePrefs('e1', 't1', 't2'), menteePrefs('e2', 't1'), mentorPrefs('t1', 'e2', 'e1')],
    });
    expect(Object.fromEntries(r.suggestions.map((s) => [s.menteeId, s.mentorId]))).toEqual({ e1: 't2', e2: 't1' });
    const e1 = r.suggestions.find((s) => s.menteeId === 'e1')!;
    expect(e1.reasons).toEqual([
      'Наставляемый поставил наставника на 2-е место',
      'Выбор на 1-е место: наставник занят',
      'Форма: Учитель – ученик',
    ]);
  });

  it('is mentee-optimal where the two sides disagree', () => {
    // Mentees want t1/t2, mentors want the other way round: both matchings are stable, mentees propose.
    const prefs = [menteePrefs('e1', 't1', 't2'), menteePrefs('e2', 't2', 't1'), mentorPrefs('t1', 'e2', 'e1'), mentorPrefs('t2', 'e1', 'e2')];
    expect(pairs({ mentees: [student('e1'), student('e2')], mentors: [teacher('t1'), teacher('t2')], preferences: prefs })).toEqual({
      e1: 't1',
      e2: 't2',
    });
  });

  it('lets a mentor lead a group of three and leaves the fourth to a colleague', () => {
    const mentees = ['e1', 'e2', 'e3', 'e4'].map((id) => student(id));
    const r = match({
      mentees,
      mentors: [teacher('g'), teacher('t')],
      capacities: { g: 3 },
      preferences: [...mentees.map((e) => menteePrefs(e.id, 'g')), mentorPrefs('g', 'e4', 'e2', 'e1')],
    });
    const byMentor = (id: string) => r.suggestions.filter((s) => s.mentorId === id).map((s) => s.menteeId).sort();
    expect(byMentor('g')).toEqual(['e1', 'e2', 'e4']);
    expect(byMentor('t')).toEqual(['e3']);
    expect(r.freePlaces).toEqual({});
  });

  it('reports who is left when all places are taken', () => {
    const r = match({
      mentees: [student('e1'), student('e2'), student('e3')],
      mentors: [teacher('t1')],
      capacities: { t1: 2 },
      preferences: [mentorPrefs('t1', 'e3', 'e1')],
    });
    expect(r.suggestions.map((s) => s.menteeId).sort()).toEqual(['e1', 'e3']);
    expect(r.unmatched).toEqual([
      { menteeId: 'e2', code: 'taken', reason: 'все подходящие наставники (1) заняты: места достались тем, кого они поставили выше' },
    ]);
  });

  it('breaks ties by id: equal scores go to the lower id on both sides', () => {
    const r = match({ mentees: [student('b'), student('a')], mentors: [teacher('t2'), teacher('t1')] });
    expect(Object.fromEntries(r.suggestions.map((s) => [s.menteeId, s.mentorId]))).toEqual({ a: 't1', b: 't2' });
    const one = match({ mentees: [student('b'), student('a')], mentors: [teacher('t1')] });
    expect(one.suggestions.map((s) => s.menteeId)).toEqual(['a']);
    expect(one.unmatched.map((u) => u.menteeId)).toEqual(['b']);
  });

  it('matches people nobody ranked by shared interests and competencies, ё = е and any case', () => {
    const r = match({
      mentees: [student('e1', '7А', { interests: ['Робототехника', 'Лёгкая атлетика', 'шахматы', 'ШАХМАТЫ'] })],
      mentors: [
        teacher('t1', { interests: ['вышивка'] }),
        teacher('t2', { competencies: ['робототехника '], interests: ['Шахматы', 'легкая  атлетика'] }),
      ],
    });
    const [s] = r.suggestions;
    expect(s!.mentorId).toBe('t2');
    expect(s!.breakdown).toMatchObject({
      competencyMatches: ['Робототехника'],
      sharedInterests: ['Лёгкая атлетика', 'шахматы'],
      interests: 14,
      menteeRank: null,
      mentorRank: null,
    });
    expect(s!.reasons).toEqual([
      'В анкетах друг друга не выбирали: подобраны по совместимости',
      'Наставник компетентен в интересах наставляемого: Робототехника',
      'Общие интересы: Лёгкая атлетика, шахматы',
      'Форма: Учитель – ученик',
    ]);
  });

  it('says who has no suitable mentor by form, and when there are no mentors at all', () => {
    const parent = person('p1', 'parent');
    expect(match({ mentees: [parent], mentors: [teacher('t1')] }).unmatched).toEqual([
      { menteeId: 'p1', code: 'noForm', reason: 'нет подходящих наставников по формам наставничества (наставляемый — родитель)' },
    ]);
    expect(match({ mentees: [student('e1')] }).unmatched[0]).toMatchObject({ code: 'noMentors' });
  });

  it('never pairs what the rules forbid, however much both want it', () => {
    const peers = { mentees: [student('e1', '7А')], mentors: [student('m1', '7 а'), student('m2', '6Б')] };
    const prefs = [menteePrefs('e1', 'm1', 'm2'), mentorPrefs('m1', 'e1')];
    expect(pairs({ ...peers, preferences: prefs })).toEqual({ e1: 'm1' });
    expect(pairs({ ...peers, preferences: prefs, rules: { notSameClass: true } })).toEqual({ e1: 'm2' });
    const both = match({ ...peers, preferences: prefs, rules: { notSameClass: true, mentorInHigherGrade: true } });
    expect(both.suggestions).toEqual([]);
    expect(both.unmatched[0]).toMatchObject({
      code: 'rules',
      reason: 'все подходящие по форме наставники исключены правилами: из одного класса, наставник не старше по классу',
    });
    const excluded = { excludedPairs: [{ menteeId: 'e1', mentorId: 'm1' }] };
    expect(pairs({ ...peers, preferences: prefs, rules: excluded })).toEqual({ e1: 'm2' });
  });

  it('never pairs a person with themselves, even on both lists', () => {
    const both = teacher('x', { interests: ['шахматы'] });
    expect(pairs({ mentees: [both, teacher('y')], mentors: [both], preferences: [menteePrefs('x', 'x')] })).toEqual({ y: 'x' });
  });

  it('respects existing pairs and groups: those mentees are skipped, mentors have fewer places', () => {
    const r = match({
      mentees: [student('e1'), student('e2'), student('e3')],
      mentors: [teacher('t1')],
      capacities: { t1: 2 },
      existing: [
        { mentorIds: ['t1'], menteeIds: ['e1'], status: 'active' },
        { mentorIds: ['t1'], menteeIds: ['e2', 'e3'], status: 'finished' },
      ],
      preferences: [mentorPrefs('t1', 'e3', 'e2')],
    });
    expect(r.suggestions.map((s) => [s.menteeId, s.mentorId])).toEqual([['e3', 't1']]);
    expect(r.unmatched).toEqual([expect.objectContaining({ menteeId: 'e2', code: 'taken' })]);
    const full = match({ mentees: [student('e2')], mentors: [teacher('t1')], existing: [{ mentorIds: ['t1'], menteeIds: ['e1'], status: 'forming' }] });
    expect(full.unmatched).toEqual([{ menteeId: 'e2', code: 'noPlaces', reason: 'у подходящих наставников (1) нет свободных мест' }]);
  });

  it('picks the most specific form: a teacher for a teacher is «учитель – учитель», a partner is «ментор – учитель»', () => {
    const r = match({ mentees: [teacher('e1'), teacher('e2')], mentors: [teacher('t1'), person('p1', 'partnerRep')] });
    expect(Object.fromEntries(r.suggestions.map((s) => [s.mentorId, s.formId]))).toEqual({ t1: 'teacher-teacher', p1: 'mentor-teacher' });
  });

  it('reads each person’s newest questionnaire and ignores unknown people and places beyond the fifth', () => {
    const prefs: PreferenceLike[] = [
      { ...menteePrefs('e1', 't1'), updatedAt: '2025-09-10T10:00:00Z' },
      { ...menteePrefs('e1', 't2'), updatedAt: '2025-09-11T10:00:00Z' },
      { ...menteePrefs('e2', 'ghost', 'a', 'b', 'c', 'd', 't1'), updatedAt: '2025-09-11T10:00:00Z' },
    ];
    const r = match({ mentees: [student('e1'), student('e2')], mentors: [teacher('t1'), teacher('t2')], preferences: prefs });
    const e1 = r.suggestions.find((s) => s.menteeId === 'e1')!;
    expect(e1).toMatchObject({ mentorId: 't2', breakdown: { menteeRank: 1 } });
    expect(r.suggestions.find((s) => s.menteeId === 'e2')!.breakdown.menteeRank).toBeNull();
  });

  it('orders suggestions by score, best first', () => {
    const r = match({
      mentees: [student('e1'), student('e2')],
      mentors: [teacher('t1'), teacher('t2')],
      preferences: [menteePrefs('e2', 't2'), mentorPrefs('t2', 'e2')],
    });
    expect(r.suggestions.map((s) => [s.menteeId, s.score])).toEqual([
      ['e2', 80],
      ['e1', 0],
    ]);
  });
});

describe('preferenceLists: completing partial rankings', () => {
  it('puts own choices first, then those who chose you, then the rest by score, forbidden never', () => {
    const lists = preferenceLists({
      mentees: [student('e1', '7А', { interests: ['шахматы'] }), student('e2'), student('e3')],
      mentors: [teacher('t1'), teacher('t2', { interests: ['Шахматы'] }), teacher('t3'), person('t4', 'parent')],
      forms: DEFAULT_MENTORING_FORMS,
      preferences: [menteePrefs('e1', 't3'), mentorPrefs('t1', 'e1'), mentorPrefs('t3', 'e2', 'e3')],
    });
    expect(lists.mentees.get('e1')).toEqual(['t3', 't1', 't2']);
    expect(lists.mentees.get('e2')).toEqual(['t3', 't1', 't2']);
    expect(lists.mentors.get('t3')).toEqual(['e2', 'e3', 'e1']);
    expect(lists.mentors.get('t2')).toEqual(['e1', 'e2', 'e3']);
    expect(lists.mentors.get('t4')).toEqual([]);
  });
});

describe('explainPair: for a pair the curator picks by hand', () => {
  const input: MatchingInput = {
    mentees: [student('e1', '7А')],
    mentors: [student('m1', '7А'), teacher('t1')],
    forms: DEFAULT_MENTORING_FORMS,
    rules: { notSameClass: true, mentorInHigherGrade: true },
    preferences: [mentorPrefs('t1', 'e1')],
    capacities: { t1: 0 },
  };
  it('lists every rule the pair breaks, in Russian', () => {
    expect(explainPair(input, 'e1', 'm1')).toEqual({
      allowed: false,
      violations: ['Оба учатся в 7А', 'Наставник учится не в старшем классе: 7А, наставляемый — 7А'],
    });
    expect(explainPair({ ...input, mentees: [person('e1', 'parent')] }, 'e1', 't1')).toEqual({
      allowed: false,
      violations: ['Нет формы наставничества, где наставник — педагог, а наставляемый — родитель'],
    });
    expect(explainPair(input, 'nobody', 't1')).toMatchObject({ allowed: false });
  });
  it('scores an allowed pair even when the mentor has no free place', () => {
    expect(explainPair(input, 'e1', 't1')).toMatchObject({
      allowed: true,
      score: 30,
      mentorFreePlaces: 0,
      reasons: ['Наставник поставил наставляемого на 1-е место', 'Форма: Учитель – ученик'],
    });
  });
});
