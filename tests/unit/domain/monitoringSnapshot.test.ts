import { describe, expect, it } from 'vitest';
import { changesByQuestionnaire, consentSigner, monitoringSnapshot } from '../../../src/domain/monitoringSnapshot';
import { academicYearBounds, overlapsAcademicYear } from '../../../src/domain/school';
import { DEFAULT_MENTORING_FORMS } from '../../../src/domain/mentoringForm';
import { type Person } from '../../../src/domain/person';
import { personInputSchema } from '../../../src/domain/person.schema';

const env = (id: string) => ({ id, createdAt: '', updatedAt: '', hlc: '', vv: {}, deleted: false });
const person = (id: string, input: Record<string, unknown>): Person => ({ ...personInputSchema.parse(input), ...env(id) });

const LABELS = {
  category: { student: 'Обучающийся', teacher: 'Педагог', parent: 'Родитель', graduate: 'Выпускник', partnerRep: 'Представитель партнёра' },
  status: { forming: 'формируется', active: 'активна', finished: 'завершена', interrupted: 'прервана' },
} as const;
/** The tables a test leaves empty. */
const EMPTY = { plans: [], planItems: [], events: [], groups: [], sessions: [], questionnaires: [], responses: [], forms: DEFAULT_MENTORING_FORMS };

describe('the snapshot behind the dashboard and the report', () => {
  it('puts each pair with its form, names, meetings, stages and plan share; each participant with their consent', () => {
    const people = [
      person('t1', { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'teacher', roles: ['mentor'] }),
      person('s1', { lastName: 'Семёнова', firstName: 'Анна', category: 'student', classLabel: '7Б', birthDate: '2012-04-02', roles: ['mentee'] }),
    ];
    const snap = monitoringSnapshot({
      today: '2025-11-20',
      school: { name: 'Школа', academicYear: '2025/2026', studentsTotal: 10, teachersTotal: 10, consentAge: 14 },
      people,
      partners: [],
      consents: [{ personId: 's1', signer: 'representative', representativeName: 'Семёнова Ольга Петровна', representativeRelation: 'мать', signedOn: '2025-09-10', withdrawnOn: '' }],
      mentorships: [{ id: 'm1', title: '', formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'active' }],
      meetings: [
        { mentorshipId: 'm1', kind: 'intro', date: '2025-09-20' },
        { mentorshipId: 'm1', kind: 'work', date: '2025-10-02' },
        { mentorshipId: 'm1', kind: 'work', date: '2025-10-16' },
      ],
      plans: [{ id: 'p1', mentorshipId: 'm1', title: 'План', approvedByOrderId: 'o1' }],
      planItems: [
        { planId: 'p1', status: 'done', dueDate: '' },
        { planId: 'p1', status: 'planned', dueDate: '' },
      ],
      events: [],
      groups: [],
      sessions: [],
      questionnaires: [],
      responses: [],
      forms: DEFAULT_MENTORING_FORMS,
      recognitions: [
        { personId: 't1', kind: 'title', title: 'Наставник года', reason: 'За проект', date: '2026-05-20', orderId: 'o9' },
        { personId: 't1', kind: 'thanks', title: '', reason: 'За встречи', date: '2025-12-25', orderId: '' },
      ],
      orders: [{ id: 'o9', number: '140-од', date: '2026-05-25' }],
      practices: [
        { title: 'Шефство над пятиклассниками', formId: 'student-student', authorIds: ['t1', 'gone'], academicYear: '2024/2025', description: 'Встречи раз в неделю', result: '' },
        { title: 'Проектная лаборатория', formId: 'teacher-student', authorIds: ['t1'], academicYear: '2025/2026', description: 'Проекты в парах', result: 'Три призёра' },
      ],
      labels: LABELS,
    });
    expect(snap.reportInput.mentorships).toEqual([
      { title: '', form: 'Учитель – ученик', mentors: 'Петров И. С.', mentees: 'Семёнова А.', status: 'активна', meetings: 3, stages: 2, planPercent: 0.5 },
    ]);
    expect(snap.reportInput.plans).toEqual([{ title: 'План', pair: 'Петров И. С. → Семёнова А.', planned: 2, done: 1, percent: 0.5, approved: 'да' }]);
    expect(snap.reportInput.consents.map((c) => [c.name, c.valid, c.signer, c.signerKind])).toEqual([
      ['Петров Иван Сергеевич', false, '', ''],
      ['Семёнова Анна', true, 'Семёнова Ольга Петровна', 'законный представитель (мать)'],
    ]);
    expect(snap.indicators.find((i) => i.id === 'consents')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(snap.reportInput.practices).toEqual([
      { title: 'Проектная лаборатория', form: 'Учитель – ученик', authors: 'Петров И. С.', year: '2025/2026', description: 'Проекты в парах', result: 'Три призёра' },
      { title: 'Шефство над пятиклассниками', form: 'Ученик – ученик', authors: 'Петров И. С., (удалён)', year: '2024/2025', description: 'Встречи раз в неделю', result: '' },
    ]);
    expect(snap.reportInput.recognitions).toEqual([
      { name: 'Петров Иван Сергеевич', award: 'Благодарность', reason: 'За встречи', date: '2025-12-25', order: '' },
      { name: 'Петров Иван Сергеевич', award: 'Звание «Наставник года»', reason: 'За проект', date: '2026-05-20', order: '№ 140-од от 25.05.2026' },
    ]);
    expect(snap.report().map((s) => s.name)).toContain('Пары и группы');
    expect(snap.meetingsByMonth.slice(0, 3)).toEqual([
      { key: '2025-09', label: 'сен', count: 1 },
      { key: '2025-10', label: 'окт', count: 2 },
      { key: '2025-11', label: 'ноя', count: 0 },
    ]);
    expect(snap.meetingsByMonth).toHaveLength(10);
  });
});

describe('the consents sheet names who signed', () => {
  const people = [
    person('s1', { lastName: 'Семёнова', firstName: 'Анна', category: 'student', classLabel: '7Б', birthDate: '2013-04-02', roles: ['mentee'] }),
    person('t1', { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'teacher', roles: ['mentor'] }),
  ];
  const rows = (consents: Parameters<typeof monitoringSnapshot>[0]['consents']) =>
    monitoringSnapshot({
      today: '2025-11-20',
      school: { name: 'Школа', academicYear: '2025/2026', studentsTotal: 10, teachersTotal: 10, consentAge: 14 },
      people,
      partners: [],
      consents,
      mentorships: [],
      meetings: [],
      ...EMPTY,
      labels: LABELS,
    }).reportInput.consents.map((c) => [c.name, c.valid, c.signer, c.signerKind]);
  it('an under-14 by the representative\'s full name as the consent records it; an adult by his own name', () => {
    expect(
      rows([
        { personId: 's1', signer: 'representative', representativeName: 'Семёнова Ольга Петровна', representativeRelation: 'мать', signedOn: '2025-09-10', withdrawnOn: '' },
        { personId: 't1', signer: 'self', representativeName: '', representativeRelation: '', signedOn: '2025-09-01', withdrawnOn: '' },
      ]),
    ).toEqual([
      ['Семёнова Анна', true, 'Семёнова Ольга Петровна', 'законный представитель (мать)'],
      ['Петров Иван Сергеевич', true, 'Петров Иван Сергеевич', 'сам участник'],
    ]);
  });
  it('the consent that counts, not a later invalid one: a 12-year-old who signed herself afterwards', () => {
    expect(
      rows([
        { personId: 's1', signer: 'representative', representativeName: 'Семёнов Павел Игоревич', representativeRelation: 'отец', signedOn: '2025-09-10', withdrawnOn: '' },
        { personId: 's1', signer: 'self', signedOn: '2025-10-01', withdrawnOn: '' },
      ])[0],
    ).toEqual(['Семёнова Анна', true, 'Семёнов Павел Игоревич', 'законный представитель (отец)']);
    // Only the invalid one: the row says whose signature it has.
    expect(rows([{ personId: 's1', signer: 'self', signedOn: '2025-10-01', withdrawnOn: '' }])[0]).toEqual(['Семёнова Анна', false, 'Семёнова Анна', 'сам участник']);
  });
  it('an older record with no representative\'s name says so rather than leave the cell blank', () => {
    expect(consentSigner({ signer: 'representative' }, people[0]!)).toEqual({ signer: 'ФИО представителя не указано', signerKind: 'законный представитель' });
  });
});

describe('changesByQuestionnaire', () => {
  it('groups the questions by questionnaire, with the mean change and the largest n', () => {
    const c = (questionnaire: string, question: string, n: number, before: number | null, after: number | null) => ({
      questionnaire,
      question,
      n,
      before,
      after,
      delta: before === null || after === null ? null : after - before,
    });
    const groups = changesByQuestionnaire([
      c('Анкета наставника', 'Время', 10, 5, 6),
      c('Анкета наставляемого', 'Уверенность', 4, 4, 7),
      c('Анкета наставника', 'Цели', 12, 6, 5.5),
      c('Анкета наставника', 'Новый вопрос', 0, null, null),
    ]);
    expect(groups.map((g) => [g.questionnaire, g.items.map((i) => i.question), g.meanDelta, g.n])).toEqual([
      ['Анкета наставника', ['Время', 'Цели', 'Новый вопрос'], 0.25, 12],
      ['Анкета наставляемого', ['Уверенность'], 3, 4],
    ]);
    expect(changesByQuestionnaire([])).toEqual([]);
  });
});

describe('the second year of the programme', () => {
  it('counts only the work of the school’s current academic year: last year’s ended pairs, final game and answers stay out', () => {
    const people = [
      person('t1', { lastName: 'Петров', firstName: 'Иван', category: 'teacher', roles: ['mentor'] }),
      person('s1', { lastName: 'Семёнова', firstName: 'Анна', category: 'student', classLabel: '8Б', birthDate: '2012-04-02', roles: ['mentee'] }),
      person('s2', { lastName: 'Ли', firstName: 'Борис', category: 'student', classLabel: '9А', birthDate: '2011-04-02', roles: ['mentee'] }),
    ];
    const base = {
      today: '2026-11-30',
      school: { name: 'Школа', academicYear: '2026/2027', studentsTotal: 10, teachersTotal: 10, consentAge: 14 },
      people,
      partners: [],
      consents: [],
      plans: [
        { id: 'p-old', mentorshipId: 'old', title: 'План прошлого года' },
        { id: 'p-now', mentorshipId: 'now', title: 'План этого года' },
      ],
      planItems: [],
      groups: [],
      questionnaires: [],
      forms: DEFAULT_MENTORING_FORMS,
      labels: LABELS,
    };
    const snap = monitoringSnapshot({
      ...base,
      mentorships: [
        { id: 'old', title: 'Прошлый год', formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'finished', startDate: '2025-09-20', endDate: '2026-05-25' },
        { id: 'now', title: 'Этот год', formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s2'], status: 'active', startDate: '2026-09-15', endDate: '' },
        { id: 'long', title: 'С прошлого года', formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'active', startDate: '2025-10-01', endDate: '' },
      ],
      meetings: [
        { mentorshipId: 'old', kind: 'final', date: '2026-05-20' },
        { mentorshipId: 'now', kind: 'intro', date: '2026-09-20' },
      ],
      events: [{ kind: 'finalGame', title: 'Игра', date: '2026-05-22', attendeeIds: ['t1', 's1', 's2'] }],
      sessions: [],
      responses: [],
    });
    expect(snap.reportInput.mentorships.map((m) => m.title)).toEqual(['Этот год', 'С прошлого года']);
    expect(snap.reportInput.events).toEqual([]);
    expect(snap.indicators.find((i) => i.id === 'finalEvent')).toMatchObject({ numerator: 0, denominator: 3 });
    expect(snap.indicators.find((i) => i.id === 'plansAt90')).toMatchObject({ denominator: 1 });
    expect(snap.meetingsByMonth.find((m) => m.key === '2026-09')).toMatchObject({ count: 1 });
  });

  it('knows the days of an academic year, and treats unknown dates as inside it', () => {
    expect(academicYearBounds('2026/2027')).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(academicYearBounds('2026/2028')).toBeNull();
    expect(overlapsAcademicYear('2026-05-01', '2026-08-31', '2026/2027')).toBe(false);
    expect(overlapsAcademicYear('2026-05-01', '2026-09-01', '2026/2027')).toBe(true);
    expect(overlapsAcademicYear('2027-09-01', '', '2026/2027')).toBe(false);
    expect(overlapsAcademicYear('', '', '2026/2027')).toBe(true);
  });
});

describe('the meeting log of the report', () => {
  it('lists the year’s meetings oldest first with the pair, the stage in words, minutes, place, attendance and notes', () => {
    const people = [
      person('t1', { lastName: 'Петров', firstName: 'Иван', category: 'teacher', roles: ['mentor'] }),
      person('s1', { lastName: 'Ли', firstName: 'Борис', category: 'student', classLabel: '9А', birthDate: '2011-04-02', roles: ['mentee'] }),
    ];
    const snap = monitoringSnapshot({
      today: '2025-11-20',
      school: { name: 'Школа', academicYear: '2025/2026', studentsTotal: 10, teachersTotal: 10, consentAge: 14 },
      people,
      partners: [],
      consents: [],
      mentorships: [{ id: 'm1', title: 'Робототехника', formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'active', startDate: '2025-09-15', endDate: '' }],
      meetings: [
        { mentorshipId: 'm1', kind: 'trial', date: '2025-10-02', durationMin: 45, place: 'Кабинет 12', notes: 'Собрали первую модель', attendeeIds: ['t1', 's1'] },
        { mentorshipId: 'm1', kind: 'intro', date: '2025-09-20' },
        { mentorshipId: 'm1', kind: 'work', date: '2024-12-01' },
      ],
      ...EMPTY,
      meetingKinds: { intro: 'Встреча-знакомство', trial: 'Пробная встреча' },
      labels: LABELS,
    });
    expect(snap.reportInput.meetings).toEqual([
      { date: '2025-09-20', pair: 'Робототехника', kind: 'Встреча-знакомство', durationMin: null, place: '', attendees: 0, notes: '' },
      { date: '2025-10-02', pair: 'Робототехника', kind: 'Пробная встреча', durationMin: 45, place: 'Кабинет 12', attendees: 2, notes: 'Собрали первую модель' },
    ]);
    const log = snap.report().find((s) => s.name === 'Встречи')!;
    expect(log.rows[3]).toEqual(['Дата', 'Пара или группа', 'Этап', 'Минут', 'Место', 'Присутствовали', 'Заметки']);
    expect(log.rows[5]).toEqual([new Date('2025-10-02T00:00:00Z'), 'Робототехника', 'Пробная встреча', 45, 'Кабинет 12', 2, 'Собрали первую модель']);
  });
});
