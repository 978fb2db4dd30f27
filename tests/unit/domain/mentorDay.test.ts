import { describe, expect, it } from 'vitest';
import { mentorDay } from '../../../src/domain/mentorDay';

const pair = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  formId: 'teacher-student',
  mentorIds: ['t1'],
  menteeIds: ['s1'],
  title: '',
  goal: '',
  startDate: '2025-10-01',
  plannedEndDate: '',
  endDate: '',
  endReason: '',
  status: 'active' as const,
  ...extra,
});
const people = new Map([
  ['t1', { lastName: 'Иванова', firstName: 'Мария', middleName: 'Сергеевна' }],
  ['s1', { lastName: 'Ким', firstName: 'Вера', middleName: '' }],
  ['s2', { lastName: 'Ли', firstName: 'Борис', middleName: '' }],
]);
const base = {
  people,
  meetings: [] as { id: string; mentorshipId: string; kind: 'intro' | 'trial' | 'planning' | 'work' | 'final'; date: string; deleted?: boolean }[],
  plans: [] as { id: string; mentorshipId: string }[],
  planItems: [] as { id: string; planId: string; title: string; status: 'planned' | 'inProgress' | 'done' | 'cancelled'; dueDate: string }[],
  questionnaires: [] as { id: string; title: string; role: 'mentor' | 'mentee'; formIds: string[]; beforeAfter: boolean }[],
  responses: [] as { id: string; questionnaireId: string; respondentId: string; mentorshipId: string; phase: 'start' | 'end' | 'once' }[],
  today: '2025-11-10',
};

describe('the mentor’s day', () => {
  it('own live pairs only, the longest without a meeting first; the next stage and days since the last meeting', () => {
    const day = mentorDay({
      ...base,
      mentorships: [pair('a'), pair('b', { menteeIds: ['s2'] }), pair('c', { status: 'finished' }), pair('d', { deleted: true }), pair('x')],
      ids: ['a', 'b', 'c', 'd'],
      meetings: [
        { id: 'm1', mentorshipId: 'a', kind: 'intro', date: '2025-11-01' },
        { id: 'm2', mentorshipId: 'b', kind: 'intro', date: '2025-10-01' },
        { id: 'm3', mentorshipId: 'b', kind: 'trial', date: '2025-10-11', deleted: true },
      ],
    });
    expect(day.map((p) => [p.id, p.daysSince, p.nextKind])).toEqual([
      ['b', 40, 'trial'],
      ['a', 9, 'trial'],
    ]);
    expect(day[0]!.label).toBe('Иванова М. С. → Ли Б.');
    const never = mentorDay({ ...base, mentorships: [pair('a'), pair('b')], ids: ['a', 'b'], meetings: [{ id: 'm', mentorshipId: 'a', kind: 'final', date: '2025-11-09' }] });
    expect(never.map((p) => [p.id, p.daysSince, p.nextKind])).toEqual([
      ['b', null, 'intro'],
      ['a', 1, null],
    ]);
  });

  it('the plan’s next open items, earliest due first, overdue marked, at most three', () => {
    const items = [
      { id: '1', planId: 'p', title: 'Без срока', status: 'planned' as const, dueDate: '' },
      { id: '2', planId: 'p', title: 'Просрочено', status: 'inProgress' as const, dueDate: '2025-11-09' },
      { id: '3', planId: 'p', title: 'Сегодня', status: 'planned' as const, dueDate: '2025-11-10' },
      { id: '4', planId: 'p', title: 'Сделано', status: 'done' as const, dueDate: '2025-10-01' },
      { id: '5', planId: 'p', title: 'Позже', status: 'planned' as const, dueDate: '2025-12-01' },
    ];
    const [p] = mentorDay({ ...base, mentorships: [pair('a')], ids: ['a'], plans: [{ id: 'p', mentorshipId: 'a' }], planItems: items });
    expect(p!.nextItems.map((i) => [i.title, i.overdue])).toEqual([
      ['Просрочено', true],
      ['Сегодня', false],
      ['Позже', false],
    ]);
  });

  it('questionnaires still owed: by role and form; the end-of-year one only after the final meeting', () => {
    const questionnaires = [
      { id: 'q1', title: 'Ожидания', role: 'mentee' as const, formIds: [], beforeAfter: true },
      { id: 'q2', title: 'Для наставника', role: 'mentor' as const, formIds: ['teacher-student'], beforeAfter: false },
      { id: 'q3', title: 'Другая форма', role: 'mentor' as const, formIds: ['student-student'], beforeAfter: false },
    ];
    const group = pair('g', { menteeIds: ['s1', 's2'] });
    const day = (extra: Partial<typeof base>) => mentorDay({ ...base, mentorships: [group], ids: ['g'], questionnaires, ...extra })[0]!.toFill;
    expect(day({})).toEqual([
      { questionnaireId: 'q1', title: 'Ожидания', phase: 'start', respondentIds: ['s1', 's2'] },
      { questionnaireId: 'q2', title: 'Для наставника', phase: 'once', respondentIds: ['t1'] },
    ]);
    const responses = [
      { id: 'r1', questionnaireId: 'q1', respondentId: 's1', mentorshipId: 'g', phase: 'start' as const },
      { id: 'r2', questionnaireId: 'q2', respondentId: 't1', mentorshipId: 'g', phase: 'once' as const },
    ];
    expect(day({ responses })).toEqual([{ questionnaireId: 'q1', title: 'Ожидания', phase: 'start', respondentIds: ['s2'] }]);
    const final = [{ id: 'm', mentorshipId: 'g', kind: 'final' as const, date: '2026-05-01' }];
    expect(day({ responses, meetings: final }).map((x) => [x.phase, x.respondentIds])).toEqual([
      ['start', ['s2']],
      ['end', ['s1', 's2']],
    ]);
  });
});
