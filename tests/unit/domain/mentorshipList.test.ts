import { describe, expect, it } from 'vitest';
import {
  formingIds,
  meetingDateNotice,
  buildMentorshipRows,
  defaultPlanTitle,
  formsForSelect,
  outsideForm,
  filterMentorshipRows,
  meetingLog,
  mentorshipsOfPerson,
  nextStatuses,
  pickerOrder,
  rowWarnings,
  splitMine,
  timelineOf,
  withStatus,
} from '../../../src/domain/mentorshipList';
import { type MentorshipFields } from '../../../src/domain/mentorship';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import type { MeetingKind } from '../../../src/domain/meeting';
import type { PersonCategory, PersonRole } from '../../../src/domain/person';

const TODAY = '2025-11-20';

const person = (id: string, lastName: string, firstName: string, category: PersonCategory = 'teacher', roles: PersonRole[] = [], classLabel = '') => ({
  id,
  lastName,
  firstName,
  middleName: '',
  category,
  classLabel,
  roles,
  deleted: false,
});

const people = [
  person('t1', 'Иванова', 'Мария', 'teacher', ['mentor']),
  person('t2', 'Антонов', 'Олег', 'teacher', ['mentor']),
  person('s1', 'Семёнов', 'Пётр', 'student', ['mentee'], '7Б'),
  person('s2', 'Ли', 'Анна', 'student', ['mentee'], '7Б'),
  person('s3', 'Ким', 'Юрий', 'student', [], '8А'),
];
const peopleMap = new Map(people.map((p) => [p.id, p]));

const fields = (over: Partial<MentorshipFields> = {}): MentorshipFields =>
  mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], ...over });

const mentorship = (id: string, over: Partial<MentorshipFields> = {}, createdAt = '2025-09-01T08:00:00.000Z') => ({
  ...fields(over),
  id,
  createdAt,
  deleted: false,
});

let n = 0;
const meeting = (mentorshipId: string, kind: MeetingKind, date: string, deleted = false) => ({ id: `mt${++n}`, mentorshipId, kind, date, deleted });

const formNames = new Map([['teacher-student', 'Учитель – ученик']]);

function rows(input: Partial<Parameters<typeof buildMentorshipRows>[0]>) {
  return buildMentorshipRows({ mentorships: [], meetings: [], plans: [], items: [], people: peopleMap, formNames, today: TODAY, ...input });
}

describe('buildMentorshipRows', () => {
  it('names both sides, the form, the stages held and the plan progress of each pair', () => {
    const [row] = rows({
      mentorships: [mentorship('m1', { status: 'active', startDate: '2025-10-01' })],
      meetings: [meeting('m1', 'intro', '2025-10-01'), meeting('m1', 'trial', '2025-10-08'), meeting('m1', 'work', '2025-11-10'), meeting('m1', 'work', '2025-11-15')],
      plans: [{ id: 'p1', mentorshipId: 'm1' }],
      items: [
        { id: 'i1', planId: 'p1', status: 'done', dueDate: '' },
        { id: 'i2', planId: 'p1', status: 'planned', dueDate: '' },
        { id: 'i3', planId: 'p1', status: 'cancelled', dueDate: '' },
      ],
    });
    expect(row!.mentorNames).toEqual(['Иванова М.']);
    expect(row!.menteeNames).toEqual(['Семёнов П., 7Б']);
    expect(row!.formName).toBe('Учитель – ученик');
    expect(row!.stagesDone).toBe(3);
    expect(row!.daysSinceMeeting).toBe(5);
    expect(row!.plan).toMatchObject({ planned: 2, done: 1, share: 0.5 });
    // undated items are not due yet: 50 % is no warning while the plan is under way
    expect(row!.warnings).toEqual([]);
    expect(row!.group).toBe(false);
  });

  it('leaves out deleted pairs, meetings, plans and items, and keeps an unknown form id as it is', () => {
    const list = rows({
      mentorships: [mentorship('m1', { formId: 'own-form' }), { ...mentorship('m2'), deleted: true }],
      meetings: [meeting('m1', 'intro', '2025-10-01', true)],
      plans: [{ id: 'p1', mentorshipId: 'm1', deleted: true }],
      items: [{ id: 'i1', planId: 'p1', status: 'done', dueDate: '' }],
    });
    expect(list.map((r) => r.mentorship.id)).toEqual(['m1']);
    expect(list[0]!.stagesDone).toBe(0);
    expect(list[0]!.plan).toBeNull();
    expect(list[0]!.formName).toBe('own-form');
  });

  it('sums the items of every plan of a pair (two devices may each have made one)', () => {
    const [row] = rows({
      mentorships: [mentorship('m1')],
      plans: [
        { id: 'p1', mentorshipId: 'm1' },
        { id: 'p2', mentorshipId: 'm1' },
      ],
      items: [
        { id: 'i1', planId: 'p1', status: 'done', dueDate: '' },
        { id: 'i2', planId: 'p2', status: 'done', dueDate: '' },
      ],
    });
    expect(row!.plan).toMatchObject({ planned: 2, done: 2, share: 1, problem: false });
    expect(row!.warnings).toEqual([]);
  });

  it('shows a person deleted since as such, rather than failing', () => {
    const [row] = rows({ mentorships: [mentorship('m1', { mentorIds: ['gone'] })] });
    expect(row!.mentorNames).toEqual(['(участник удалён)']);
  });
});

describe('rowWarnings', () => {
  const active = { status: 'active' as const, startDate: '2025-10-01', createdAt: '2025-09-01T00:00:00Z' };
  it('marks an active pair that has not met for 30 days or more, not 29', () => {
    expect(rowWarnings(active, 29, null, TODAY)).toEqual([]);
    expect(rowWarnings(active, 30, null, TODAY)).toEqual([{ kind: 'notMet', days: 30 }]);
  });
  it('counts a pair that never met from its start date, or from when it was created', () => {
    expect(rowWarnings(active, null, null, TODAY)).toEqual([{ kind: 'neverMet', days: 50 }]);
    expect(rowWarnings({ ...active, startDate: '2025-11-01' }, null, null, TODAY)).toEqual([]);
    expect(rowWarnings({ ...active, startDate: '' }, null, null, TODAY)).toEqual([{ kind: 'neverMet', days: 80 }]);
  });
  it('does not nag a pair that is forming, finished or interrupted about meetings', () => {
    for (const status of ['forming', 'finished', 'interrupted'] as const) expect(rowWarnings({ ...active, status }, 90, null, TODAY)).toEqual([]);
  });
  it('flags a plan under 90 % once all its items are due, but not one at 90 %, nor an interrupted pair’s plan', () => {
    const p = (share: number, allDue = true, overdue = 0) => ({ planned: 10, done: share * 10, share, problem: share < 0.9, overdue, allDue });
    expect(rowWarnings(active, 1, p(0.8), TODAY)).toEqual([{ kind: 'planUnder90', share: 0.8 }]);
    expect(rowWarnings(active, 1, p(0.9), TODAY)).toEqual([]);
    expect(rowWarnings({ ...active, status: 'interrupted' }, 1, p(0.1), TODAY)).toEqual([]);
  });
  it('does not call a plan under way a problem: under 90 % in December with items due in May is no warning; an overdue item is', () => {
    const p = (share: number, allDue: boolean, overdue: number) => ({ planned: 10, done: share * 10, share, problem: share < 0.9, overdue, allDue });
    expect(rowWarnings(active, 1, p(0.2, false, 0), TODAY)).toEqual([]);
    expect(rowWarnings(active, 1, p(0.2, false, 2), TODAY)).toEqual([{ kind: 'planOverdue', count: 2 }]);
    expect(rowWarnings(active, 1, p(0.2, true, 3), TODAY)).toEqual([{ kind: 'planOverdue', count: 3 }]);
    // once the work is over (the final meeting held, or finished), under 90 % is the problem whatever the dates say
    expect(rowWarnings(active, 1, p(0.2, false, 0), TODAY, true)).toEqual([{ kind: 'planUnder90', share: 0.2 }]);
    expect(rowWarnings({ ...active, status: 'finished' }, 1, p(0.2, false, 0), TODAY)).toEqual([{ kind: 'planUnder90', share: 0.2 }]);
  });
});

describe('filterMentorshipRows and splitMine', () => {
  const list = rows({
    mentorships: [
      mentorship('done', { status: 'finished', endDate: '2025-11-01', mentorIds: ['t2'] }),
      mentorship('grp', { status: 'forming', mentorIds: ['t2'], menteeIds: ['s2', 's3'], formId: 'student-student' }),
      mentorship('pair', { status: 'active', startDate: '2025-11-10' }),
    ],
  });
  const ids = (rs: { mentorship: { id: string } }[]) => rs.map((r) => r.mentorship.id);

  it('puts active work first, then forming, then finished', () => {
    expect(ids(filterMentorshipRows(list, { query: '', status: '', formId: '' }))).toEqual(['pair', 'grp', 'done']);
  });
  it('filters by status, form and a search over names (ё = е)', () => {
    expect(ids(filterMentorshipRows(list, { query: '', status: 'finished', formId: '' }))).toEqual(['done']);
    expect(ids(filterMentorshipRows(list, { query: '', status: '', formId: 'student-student' }))).toEqual(['grp']);
    expect(ids(filterMentorshipRows(list, { query: 'семенов', status: '', formId: '' }))).toEqual(['pair', 'done']);
    expect(ids(filterMentorshipRows(list, { query: 'ким', status: '', formId: '' }))).toEqual(['grp']);
  });
  it('separates the pairs of this device’s user, as mentor or mentee', () => {
    expect(ids(splitMine(list, 't2').mine)).toEqual(['done', 'grp']);
    expect(ids(splitMine(list, 's1').mine)).toEqual(['done', 'pair']);
    expect(splitMine(list, null)).toEqual({ mine: [], others: list });
  });
});

describe('status changes', () => {
  it('offers only the moves canTransition allows', () => {
    expect(nextStatuses('forming')).toEqual(['active', 'interrupted']);
    expect(nextStatuses('active')).toEqual(['finished', 'interrupted']);
    expect(nextStatuses('finished')).toEqual([]);
  });
  it('dates the start when work begins, and the end with its reason when it is interrupted', () => {
    const started = withStatus(fields(), 'active', TODAY);
    expect(started).toMatchObject({ status: 'active', startDate: TODAY });
    expect(withStatus(fields({ startDate: '2025-10-01' }), 'active', TODAY).startDate).toBe('2025-10-01');
    const stopped = withStatus(started, 'interrupted', TODAY, { endReason: '  переезд семьи ', endDate: '2025-11-18' });
    expect(stopped).toMatchObject({ status: 'interrupted', endDate: '2025-11-18', endReason: 'переезд семьи' });
    expect(mentorshipInputSchema.safeParse(stopped).success).toBe(true);
    expect(mentorshipInputSchema.safeParse(withStatus(started, 'interrupted', TODAY)).success).toBe(false);
    expect(withStatus(started, 'finished', TODAY)).toMatchObject({ status: 'finished', endDate: TODAY });
  });
  it('refuses a move back', () => {
    expect(() => withStatus(fields({ status: 'finished', endDate: TODAY }), 'active', TODAY)).toThrow();
  });
});

describe('timelineOf and meetingLog', () => {
  it('marks the stage due next and those held out of order', () => {
    const t = timelineOf([
      { kind: 'intro', date: '2025-10-01' },
      { kind: 'planning', date: '2025-10-05' },
      { kind: 'trial', date: '2025-10-08' },
    ]);
    expect(t.map((s) => [s.kind, s.done, s.next, s.outOfOrder])).toEqual([
      ['intro', true, false, false],
      ['trial', true, false, false],
      ['planning', true, false, true],
      ['work', false, true, false],
      ['final', false, false, false],
    ]);
  });
  it('has nothing due after the final meeting', () => {
    expect(timelineOf([{ kind: 'final', date: '2026-05-20' }]).some((s) => s.next)).toBe(false);
    expect(timelineOf([])[0]).toMatchObject({ kind: 'intro', next: true, done: false });
  });
  it('lists meetings newest first, the same day by when they were written', () => {
    const log = meetingLog([
      { id: 'a', date: '2025-10-01', createdAt: '2025-10-01T10:00:00Z' },
      { id: 'b', date: '2025-10-08', createdAt: '2025-10-08T10:00:00Z' },
      { id: 'c', date: '2025-10-08', createdAt: '2025-10-08T12:00:00Z' },
    ]);
    expect(log.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('defaultPlanTitle and pickerOrder', () => {
  it('names the plan after the mentee, or the group', () => {
    expect(defaultPlanTitle({ mentorIds: ['t1'], menteeIds: ['s1'] }, peopleMap)).toBe('Индивидуальный план: Семёнов П., 7Б');
    expect(defaultPlanTitle({ mentorIds: ['t1'], menteeIds: ['s1', 's2'] }, peopleMap)).toBe(
      'Индивидуальный план группы: Семёнов П., 7Б; Ли А., 7Б',
    );
    expect(defaultPlanTitle({ mentorIds: ['t1'], menteeIds: ['s1', 's2', 's3', 'gone'] }, peopleMap)).toMatch(/ и ещё 2$/);
  });
  it('offers people with the role first, by name, then the rest', () => {
    const order = pickerOrder(people, 'mentor');
    expect(order.map((o) => [o.person.id, o.preferred])).toEqual([
      ['t2', true],
      ['t1', true],
      ['s3', false],
      ['s2', false],
      ['s1', false],
    ]);
    const studentsOnly = pickerOrder(people, 'mentee', (p) => p.category === 'student');
    expect(studentsOnly.filter((o) => o.preferred).map((o) => o.person.id)).toEqual(['s2', 's1']);
  });
});

describe('formsForSelect', () => {
  const defaults = [
    { id: 'student-student', name: 'Ученик – ученик', mentorCategories: ['student' as const], menteeCategories: ['student' as const] },
    { id: 'teacher-student', name: 'Учитель – ученик', mentorCategories: ['teacher' as const], menteeCategories: ['student' as const] },
  ];
  const rec = (id: string, name: unknown, deleted = false) => ({ id, name, mentorCategories: ['teacher'], menteeCategories: ['teacher'], deleted });

  it('is the built-in list while nothing is stored', () => {
    expect(formsForSelect(defaults, []).map((f) => f.id)).toEqual(['student-student', 'teacher-student']);
  });
  it('takes the stored version of a built-in form, keeps the built-in order, and adds the school’s own by name', () => {
    const forms = formsForSelect(defaults, [rec('own-b', 'Родитель – ученик'), rec('teacher-student', 'Педагог – обучающийся'), rec('own-a', 'Выпускник – ученик')]);
    expect(forms.map((f) => f.name)).toEqual(['Ученик – ученик', 'Педагог – обучающийся', 'Выпускник – ученик', 'Родитель – ученик']);
  });
  it('hides a deleted form, built-in or own', () => {
    const forms = formsForSelect(defaults, [rec('student-student', 'x', true), rec('own', 'Своя', true)]);
    expect(forms.map((f) => f.id)).toEqual(['teacher-student']);
  });
  it('keeps the built-in form when the stored record is not usable', () => {
    const forms = formsForSelect(defaults, [{ id: 'teacher-student', name: 42 }, { id: 'odd', name: 'Без категорий', mentorCategories: [] }]);
    expect(forms.map((f) => f.name)).toEqual(['Ученик – ученик', 'Учитель – ученик']);
  });
});

describe('outsideForm', () => {
  const form = { mentorCategories: ['teacher' as const], menteeCategories: ['student' as const] };
  it('names the people the form does not admit on that side', () => {
    expect(outsideForm(form, 'mentor', ['t1', 's1'], peopleMap)).toEqual(['Семёнов П., 7Б']);
    expect(outsideForm(form, 'mentee', ['s1', 's2'], peopleMap)).toEqual([]);
    expect(outsideForm(undefined, 'mentee', ['t1'], peopleMap)).toEqual([]);
  });
});

describe('mentorshipsOfPerson', () => {
  it('lists a participant’s pairs and groups with the role, those at work first and newest start first, without deleted ones', () => {
    const list = [
      mentorship('old', { mentorIds: ['t1'], menteeIds: ['s1'], status: 'finished', startDate: '2025-09-01', endDate: '2025-10-01' }),
      mentorship('group', { mentorIds: ['t2'], menteeIds: ['s2', 's1'], status: 'active', startDate: '2025-09-10' }),
      mentorship('new', { mentorIds: ['s1'], menteeIds: ['s3'], status: 'forming', startDate: '2025-11-01' }),
      mentorship('other', { mentorIds: ['t1'], menteeIds: ['s2'], status: 'active' }),
      { ...mentorship('gone', { mentorIds: ['t1'], menteeIds: ['s1'] }), deleted: true },
    ];
    expect(mentorshipsOfPerson('s1', list).map((x) => [x.mentorship.id, x.role])).toEqual([
      ['new', 'mentor'],
      ['group', 'mentee'],
      ['old', 'mentee'],
    ]);
    expect(mentorshipsOfPerson('nobody', list)).toEqual([]);
    // Found by both indexes (mentor of one, listed twice): counted once.
    expect(mentorshipsOfPerson('s1', [...list, list[2]!]).map((x) => x.mentorship.id)).toEqual(['new', 'group', 'old']);
  });
});

describe('a pair by its people', () => {
  it('names mentors → mentees, after the title when there is one, and says who is gone', async () => {
    const { pairLabel } = await import('../../../src/domain/mentorshipList');
    const people = new Map([
      ['t1', { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич' }],
      ['s1', { lastName: 'Семёнова', firstName: 'Анна', middleName: '' }],
    ]);
    expect(pairLabel({ title: '', mentorIds: ['t1'], menteeIds: ['s1'] }, people)).toBe('Петров И. С. → Семёнова А.');
    expect(pairLabel({ title: 'Робототехника', mentorIds: ['t1'], menteeIds: ['s1', 'x'] }, people)).toBe('Робототехника: Петров И. С. → Семёнова А., (удалён)');
  });
});

describe('a pair\'s screen title by its people', () => {
  it('mentor → mentee for a pair, «группа из N» for a group, co-mentors counted, the gone named so', async () => {
    const { pairHeading } = await import('../../../src/domain/mentorshipList');
    const people = new Map([
      ['t1', { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич' }],
      ['t2', { lastName: 'Ли', firstName: 'Ольга', middleName: '' }],
      ['s1', { lastName: 'Семёнова', firstName: 'Анна', middleName: '' }],
    ]);
    expect(pairHeading({ mentorIds: ['t1'], menteeIds: ['s1'] }, people)).toBe('Петров И. С. → Семёнова А.');
    expect(pairHeading({ mentorIds: ['t1'], menteeIds: ['s1', 'x', 'y', 'z', 'w'] }, people)).toBe('Петров И. С. → группа\u00a0из\u00a05');
    expect(pairHeading({ mentorIds: ['t1', 't2'], menteeIds: ['s1'] }, people)).toBe('Петров И. С. и ещё 1 → Семёнова А.');
    expect(pairHeading({ mentorIds: ['gone'], menteeIds: ['s1'] }, people)).toBe('(удалён) → Семёнова А.');
  });
  it('names a student with her class, and a group by its title when it has one', async () => {
    const { pairHeading } = await import('../../../src/domain/mentorshipList');
    const people = new Map([
      ['t1', { lastName: 'Смирнов', firstName: 'Антон', middleName: 'Павлович', category: 'teacher' as const, classLabel: '' }],
      ['s1', { lastName: 'Семёнова', firstName: 'Анна', middleName: 'Олеговна', category: 'student' as const, classLabel: '7Б' }],
    ]);
    expect(pairHeading({ mentorIds: ['t1'], menteeIds: ['s1'], title: 'Робототехника' }, people)).toBe('Смирнов А. П. → Семёнова А. О., 7Б');
    expect(pairHeading({ mentorIds: ['t1'], menteeIds: ['s1', 'x'], title: 'Проектная группа «Робот»' }, people)).toBe('Проектная группа «Робот» · Смирнов А. П.');
    expect(pairHeading({ mentorIds: ['t1'], menteeIds: ['s1', 'x'], title: '  ' }, people)).toBe('Смирнов А. П. → группа\u00a0из\u00a02');
  });
});

describe('a meeting’s date against its pair’s dates', () => {
  it('says when a meeting is before the start or after the end; the boundary days fit', () => {
    const m = { startDate: '2025-10-10', endDate: '2026-05-20' };
    expect(meetingDateNotice('2025-10-09', m)).toEqual({ code: 'before-start', startDate: '2025-10-10' });
    expect(meetingDateNotice('2025-10-10', m)).toBeNull();
    expect(meetingDateNotice('2026-05-20', m)).toBeNull();
    expect(meetingDateNotice('2026-05-21', m)).toEqual({ code: 'after-end', endDate: '2026-05-20' });
    expect(meetingDateNotice('2020-01-01', { startDate: '', endDate: '' })).toBeNull();
    expect(meetingDateNotice('', m)).toBeNull();
  });
  it('finds the forming pairs to start at once, not deleted or active ones', () => {
    expect(
      formingIds([
        { id: 'a', status: 'forming' },
        { id: 'b', status: 'active' },
        { id: 'c', status: 'forming', deleted: true },
        { id: 'd', status: 'forming' },
      ]),
    ).toEqual(['a', 'd']);
  });
});
