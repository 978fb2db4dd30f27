import { describe, expect, it } from 'vitest';
import { changesByQuestionnaire, monitoringSnapshot } from '../../../src/domain/monitoringSnapshot';
import { DEFAULT_MENTORING_FORMS } from '../../../src/domain/mentoringForm';
import { personInputSchema, type Person } from '../../../src/domain/person';

const env = (id: string) => ({ id, createdAt: '', updatedAt: '', hlc: '', vv: {}, deleted: false });
const person = (id: string, input: Record<string, unknown>): Person => ({ ...personInputSchema.parse(input), ...env(id) });

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
      consents: [{ personId: 's1', signer: 'representative', signedOn: '2025-09-10', withdrawnOn: '' }],
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
      labels: { category: { student: 'Обучающийся', teacher: 'Педагог', parent: 'Родитель', graduate: 'Выпускник', partnerRep: 'Представитель партнёра' }, status: { forming: 'формируется', active: 'активна', finished: 'завершена', interrupted: 'прервана' } },
    });
    expect(snap.reportInput.mentorships).toEqual([
      { title: '', form: 'Учитель – ученик', mentors: 'Петров И. С.', mentees: 'Семёнова А.', status: 'активна', meetings: 3, stages: 2, planPercent: 0.5 },
    ]);
    expect(snap.reportInput.plans).toEqual([{ title: 'План', pair: 'Петров И. С. → Семёнова А.', planned: 2, done: 1, percent: 0.5, approved: 'да' }]);
    expect(snap.reportInput.consents.map((c) => [c.name, c.valid, c.signer])).toEqual([
      ['Петров Иван Сергеевич', false, ''],
      ['Семёнова Анна', true, 'законный представитель'],
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
