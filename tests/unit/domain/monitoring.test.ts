import { describe, expect, it } from 'vitest';
import { computeIndicators, INDICATOR_BASES, indicatorStatus, targetWording, type Indicator, type IndicatorId, type MonitoringInput } from '../../../src/domain/monitoring';

const person = (id: string, category: 'student' | 'teacher' | 'partnerRep', roles: ('mentor' | 'mentee')[], birthDate = '', partnerId = '') => ({
  id,
  category,
  roles,
  partnerId,
  birthDate,
});

/** A tiny school, worked out by hand below. */
function school(today: string): MonitoringInput {
  return {
    today,
    academicYear: '2025/2026',
    school: { studentsTotal: 20, teachersTotal: 10, consentAge: 14 },
    people: [
      person('t1', 'teacher', ['mentor']),
      person('s1', 'student', ['mentor'], '2009-03-01'), // 16 on 2025-11-15
      person('s2', 'student', ['mentee'], '2013-05-01'), // 12
      person('s3', 'student', ['mentee'], '2012-01-10'), // 13
      person('s4', 'student', [], '2010-02-02'), // 15, not involved
      person('r1', 'partnerRep', ['mentor'], '', 'p1'),
    ],
    partners: [{ id: 'p1' }, { id: 'p2' }],
    consents: [
      { personId: 't1', signer: 'self', signedOn: '2025-09-10', withdrawnOn: '' },
      { personId: 's1', signer: 'self', signedOn: '2025-09-10', withdrawnOn: '' },
      { personId: 's2', signer: 'self', signedOn: '2025-09-10', withdrawnOn: '' }, // 12: must be a representative
      { personId: 's3', signer: 'representative', signedOn: '2025-09-10', withdrawnOn: '' },
    ],
    mentorships: [
      { id: 'm1', mentorIds: ['t1'], menteeIds: ['s2'], status: 'active' },
      { id: 'm2', mentorIds: ['s1'], menteeIds: ['s3'], status: 'active' },
      { id: 'm3', mentorIds: ['r1'], menteeIds: ['s4'], status: 'interrupted' },
    ],
    plans: [
      { id: 'pl1', mentorshipId: 'm1' },
      { id: 'pl2', mentorshipId: 'm2' },
    ],
    planItems: [
      ...Array.from({ length: 10 }, (_, i) => ({ planId: 'pl1', status: i < 9 ? ('done' as const) : ('planned' as const), dueDate: '' })),
      { planId: 'pl2', status: 'done', dueDate: '' },
      { planId: 'pl2', status: 'planned', dueDate: '' },
    ],
    events: [{ kind: 'finalGame', attendeeIds: ['t1', 's1', 's2'] }],
  };
}

describe('indicator status', () => {
  it('met at the target, at risk below it until the deadline, not met after', () => {
    expect(indicatorStatus(0.1, 0.1, '', '2026-01-01')).toBe('met');
    expect(indicatorStatus(0.5, 1, '2025-10-31', '2025-10-31')).toBe('atRisk');
    expect(indicatorStatus(0.5, 1, '2025-10-31', '2025-11-01')).toBe('notMet');
    expect(indicatorStatus(0.05, 0.1, '', '2026-06-30')).toBe('atRisk');
    expect(indicatorStatus(null, 0.1, '', '2026-06-30')).toBe('noData');
  });
});

describe('the indicators of a small school, worked out by hand', () => {
  const by = (today: string) => Object.fromEntries(computeIndicators(school(today)).map((i) => [i.id, i])) as Record<IndicatorId, Indicator>;
  it('mentors among students and teachers against the school totals', () => {
    const i = by('2025-11-15');
    expect(i.mentorsAmongStudents).toMatchObject({ numerator: 1, denominator: 20, value: 0.05, status: 'atRisk' });
    expect(i.mentorsAmongTeachers).toMatchObject({ numerator: 1, denominator: 10, value: 0.1, status: 'met' });
  });
  it('partners that provided a mentor: 1 of 2, met against the 2 % target', () => {
    expect(by('2025-11-15').partnersWithMentors).toMatchObject({ numerator: 1, denominator: 2, status: 'met', missing: ['p2'] });
  });
  it('consents: a 12-year-old who signed for herself does not count; the partner has none; after October it is not met', () => {
    // participants: everyone with a role or in a live pair — t1, s1, s2, s3, r1 (s4 has no role and only an interrupted pair)
    const c = by('2025-11-15').consents;
    expect(c).toMatchObject({ numerator: 3, denominator: 5, status: 'notMet' });
    expect(c.missing.sort()).toEqual(['r1', 's2']);
    expect(by('2025-10-01').consents.status).toBe('atRisk');
  });
  it('consents: someone whose data was destroyed leaves the base (no consent is asked of them); the pairs they were in still count', () => {
    const input = { ...school('2025-11-15'), erasedPersonIds: new Set(['s2']) };
    const all = Object.fromEntries(computeIndicators(input).map((i) => [i.id, i])) as Record<IndicatorId, Indicator>;
    expect(all.consents).toMatchObject({ numerator: 3, denominator: 4 });
    expect(all.consents.missing).toEqual(['r1']);
    const before = by('2025-11-15');
    for (const id of ['mentorsAmongTeachers', 'mentorsAmongStudents', 'studentsInvolved', 'plansAt90'] as const) expect(all[id].numerator).toBe(before[id].numerator);
  });
  it('plans at 90 % or more: 9 of 10 done passes, 1 of 2 does not', () => {
    expect(by('2025-11-15').plansAt90).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, missing: ['pl2'] });
  });
  it('the final game: 3 of the 4 people of live pairs took part, below 90 %', () => {
    const f = by('2026-06-01').finalEvent;
    expect(f).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, status: 'notMet', missing: ['s3'] });
  });
  it('students aged 10–18 involved: 3 of the school\'s 20 students — the same denominator as «Наставники среди обучающихся»', () => {
    const i = by('2025-11-15');
    expect(i.studentsInvolved).toMatchObject({ numerator: 3, denominator: 20, value: 0.15, basis: 'schoolStudents' });
    expect(i.studentsInvolved.denominator).toBe(i.mentorsAmongStudents.denominator);
    // the ones not counted yet are named: s4 is only in an interrupted pair
    expect(i.studentsInvolved.missing).toEqual(['s4']);
    expect(i.consents.basis).toBe('records');
  });
  it('targets are the school\'s to change', () => {
    const i = Object.fromEntries(computeIndicators({ ...school('2025-11-15'), targets: { studentsInvolved: 0.1 } }).map((x) => [x.id, x])) as Record<IndicatorId, Indicator>;
    expect(i.studentsInvolved).toMatchObject({ target: 0.1, status: 'met' });
    const j = Object.fromEntries(computeIndicators({ ...school('2025-11-15'), targets: { studentsInvolved: 0.8 } }).map((x) => [x.id, x])) as Record<IndicatorId, Indicator>;
    expect(j.studentsInvolved).toMatchObject({ target: 0.8, status: 'atRisk' });
  });
});

describe('what a target is a share of', () => {
  const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('ru-RU')}\u00a0%`;
  it('says the partners\' 2 % is of the partner organisations — the indicator\'s denominator', () => {
    const partners = computeIndicators(school('2025-11-15')).find((i) => i.id === 'partnersWithMentors')!;
    expect(partners.denominator).toBe(school('2025-11-15').partners.length);
    expect(targetWording(partners, pct)).toBe('цель: 2\u00a0% от числа организаций-партнёров');
  });
  it('names the school\'s totals where the denominator is one of them, and the records otherwise', () => {
    for (const i of computeIndicators(school('2025-11-15'))) {
      const base = INDICATOR_BASES[i.id];
      if (i.basis === 'schoolStudents') expect(base).toBe('от всех обучающихся школы');
      else if (i.basis === 'schoolTeachers') expect(base).toBe('от всех педагогов школы');
      else expect(base).toMatch(/^от числа /);
    }
  });
});
