import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/domain/envelope';
import { personInputSchema } from '../../../src/domain/person.schema';
import { consentInputSchema } from '../../../src/domain/consent.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan.schema';
import { questionnaireInputSchema, responseInputSchema } from '../../../src/domain/questionnaire.schema';
import { preferenceInputSchema } from '../../../src/domain/preference.schema';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';
import { trainingGroupInputSchema, trainingSessionInputSchema } from '../../../src/domain/training.schema';
import { eventInputSchema } from '../../../src/domain/event.schema';
import { practiceInputSchema } from '../../../src/domain/practice.schema';
import { orderInputSchema } from '../../../src/domain/order.schema';
import { mentions, personDataFileName, personDataReport, reportRecordIds, type PersonDataRecords } from '../../../src/domain/personDataReport';

const env = (id: string, deleted = false): Envelope => ({ id, createdAt: '2025-09-05T10:00:00Z', updatedAt: '2025-09-05T10:00:00Z', hlc: '', vv: {}, deleted });
const rec = <T extends object>(fields: T, id: string, deleted = false) => ({ ...fields, ...env(id, deleted) });

const anna = rec(
  personInputSchema.parse({
    lastName: 'Семёнова',
    firstName: 'Анна',
    middleName: 'Петровна',
    category: 'student',
    classLabel: '7Б',
    birthDate: '2013-04-02',
    phone: '+7 900 111-22-33',
    email: 'anna@example.ru',
    roles: ['mentee'],
    interests: ['химия'],
    notes: 'Любит олимпиады',
  }),
  'anna',
);
const maria = rec(
  personInputSchema.parse({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Сергеевна', category: 'teacher', phone: '+7 900 999-88-77', email: 'maria@example.ru', roles: ['mentor'] }),
  'maria',
);
const boris = rec(personInputSchema.parse({ lastName: 'Орлов', firstName: 'Борис', category: 'student', classLabel: '8А', birthDate: '2012-01-01', roles: ['mentee'] }), 'boris');

const records: PersonDataRecords = {
  school: [rec({ name: 'МКОУ СОШ № 2', academicYear: '2025/2026', studentsTotal: 100, teachersTotal: 10, consentAge: 14, directorName: '', curatorName: '' }, 'school')],
  people: [anna, maria, boris],
  mentoringForms: [rec({ name: 'Учитель – ученик', code: 'teacher-student', active: true }, 'f1') as never],
  consents: [
    rec(consentInputSchema.parse({ personId: 'anna', signedOn: '2025-09-10', signer: 'representative', representativeName: 'Семёнов Пётр Ильич', representativeRelation: 'отец', withdrawnOn: '2025-11-01' }), 'c1'),
    rec(consentInputSchema.parse({ personId: 'boris', signedOn: '2025-09-10', signer: 'representative', representativeName: 'Орлова Вера', representativeRelation: 'мать' }), 'c2'),
  ],
  mentorships: [
    rec(mentorshipInputSchema.parse({ formId: 'f1', mentorIds: ['maria'], menteeIds: ['anna'], goal: 'Олимпиада по химии', startDate: '2025-10-01', status: 'active' }), 'm1'),
    rec(mentorshipInputSchema.parse({ formId: 'f1', mentorIds: ['maria'], menteeIds: ['boris'], goal: 'Цель Бориса', startDate: '2025-10-02', status: 'active' }), 'm2'),
  ],
  meetings: [
    rec(meetingInputSchema.parse({ mentorshipId: 'm1', kind: 'intro', date: '2025-10-01', place: 'Каб. 12', attendeeIds: ['maria', 'anna'], notes: 'Обсудили план' }), 'mt1'),
    rec(meetingInputSchema.parse({ mentorshipId: 'm2', kind: 'intro', date: '2025-10-03', notes: 'Борис рассказал, что Анна Семёнова ему помогает' }), 'mt2'),
    rec(meetingInputSchema.parse({ mentorshipId: 'm2', kind: 'trial', date: '2025-10-10', notes: 'Тайна Бориса' }), 'mt3'),
    rec(meetingInputSchema.parse({ mentorshipId: 'm1', kind: 'trial', date: '2025-10-12', notes: 'Удалённая встреча' }), 'mt4', true),
  ],
  plans: [rec(planInputSchema.parse({ mentorshipId: 'm1', title: 'План Анны' }), 'p1'), rec(planInputSchema.parse({ mentorshipId: 'm2', title: 'План Бориса' }), 'p2')],
  planItems: [
    rec(planItemInputSchema.parse({ planId: 'p1', title: 'Решить 20 задач', dueDate: '2025-12-01', status: 'done', result: 'Решила 25' }), 'i1'),
    rec(planItemInputSchema.parse({ planId: 'p2', title: 'Пункт Бориса' }), 'i2'),
  ],
  questionnaires: [
    rec(
      questionnaireInputSchema.parse({
        title: 'Анкета наставляемого',
        role: 'mentee',
        questions: [
          { id: 'q1', kind: 'scale', text: 'Насколько полезны встречи?' },
          { id: 'q2', kind: 'text', text: 'Что хотите изменить?' },
        ],
      }),
      'q',
    ),
  ],
  responses: [
    rec(responseInputSchema.parse({ questionnaireId: 'q', respondentId: 'anna', mentorshipId: 'm1', phase: 'start', answeredOn: '2025-10-05', answers: { q2: 'Больше практики', q1: 8 } }), 'r1'),
    rec(responseInputSchema.parse({ questionnaireId: 'q', respondentId: 'boris', mentorshipId: 'm2', phase: 'start', answeredOn: '2025-10-05', answers: { q2: 'Ответ Бориса' } }), 'r2'),
  ],
  events: [rec(eventInputSchema.parse({ kind: 'networking', title: 'Нетворкинг', date: '2025-09-20', place: 'Актовый зал', attendeeIds: ['anna', 'maria'] }), 'e1')],
  preferences: [
    rec(preferenceInputSchema.parse({ eventId: 'e1', personId: 'anna', side: 'mentee', ranked: ['maria'] }), 'pr1'),
    rec(preferenceInputSchema.parse({ eventId: 'e1', personId: 'boris', side: 'mentee', ranked: ['anna', 'maria'] }), 'pr2'),
  ],
  trainingGroups: [rec(trainingGroupInputSchema.parse({ name: 'Школа наставника', memberIds: ['maria'] }), 'g1')],
  trainingSessions: [rec(trainingSessionInputSchema.parse({ groupId: 'g1', date: '2025-10-15', topic: 'Роль наставника', expert: 'Кузнецова Е. А.', attendeeIds: ['maria'] }), 's1')],
  recognitions: [rec(recognitionInputSchema.parse({ personId: 'maria', kind: 'letter', reason: 'За работу с Анной', date: '2026-05-20' }), 'rc1')],
  practices: [rec(practiceInputSchema.parse({ title: 'Химия в пары', authorIds: ['maria'], academicYear: '2025/2026', description: 'Опыты вместе' }), 'pc1')],
  orders: [rec(orderInputSchema.parse({ kind: 'fixMentorships', number: '12-од', date: '2025-10-01', title: 'О закреплении наставнических пар', mentorshipIds: ['m1'] }), 'o1')],
};

const text = (r: ReturnType<typeof personDataReport>) => JSON.stringify(r);

describe('«Какие данные хранятся»', () => {
  const report = personDataReport('anna', records, '2026-12-02')!;
  const section = (title: string) => report.sections.find((s) => s.title === title);

  it('lists the card with Russian labels and values, only the fields that hold something', () => {
    expect(report.organisation).toBe('МКОУ СОШ № 2');
    expect(report.subject).toBe('Семёнова Анна Петровна (обучающийся, 7Б)');
    expect(report.madeText).toBe('Сформировано 2 декабря 2026 г.');
    expect(section('Карточка участника')!.items[0]!.fields).toEqual([
      ['Фамилия', 'Семёнова'],
      ['Имя', 'Анна'],
      ['Отчество', 'Петровна'],
      ['Категория', 'обучающийся'],
      ['Класс', '7Б'],
      ['Дата рождения', '02.04.2013'],
      ['Телефон', '+7 900 111-22-33'],
      ['Электронная почта', 'anna@example.ru'],
      ['Роль в программе', 'наставляемый'],
      ['Интересы', 'химия'],
      ['Заметки', 'Любит олимпиады'],
      ['Запись внесена', '05.09.2025'],
    ]);
  });

  it('has a section for every table that refers to the person', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      'Карточка участника',
      'Согласия на обработку персональных данных',
      'Наставнические пары и группы',
      'Встречи',
      'Индивидуальные планы',
      'Ответы на анкеты',
      'Анкеты предпочтений',
      'Мероприятия',
      'Приказы, в которых участник назван',
    ]);
    expect(section('Согласия на обработку персональных данных')!.items[0]!.fields).toEqual([
      ['Дата подписания', '10.09.2025'],
      ['Кто подписал', 'законный представитель'],
      ['ФИО законного представителя', 'Семёнов Пётр Ильич'],
      ['Кем приходится', 'отец'],
      ['Дата отзыва', '01.11.2025'],
    ]);
    const pair = section('Наставнические пары и группы')!.items;
    expect(pair).toHaveLength(1);
    expect(pair[0]!.fields).toContainEqual(['Роль в паре или группе', 'наставляемый']);
    expect(pair[0]!.fields).toContainEqual(['Цель', 'Олимпиада по химии']);
    expect(pair[0]!.fields).toContainEqual(['Статус', 'активна']);
    // Her pair's meeting, and another pair's meeting whose notes name her; not the deleted one, not Boris's own.
    expect(section('Встречи')!.items.map((i) => i.heading)).toEqual(['Встреча-знакомство, 01.10.2025', 'Встреча-знакомство, 03.10.2025']);
    expect(section('Встречи')!.items[0]!.fields).toContainEqual(['Присутствие', 'присутствовал(а)']);
    expect(section('Встречи')!.items[1]!.fields[0]).toEqual(['Пара или группа', 'другая пара (упоминание в заметках)']);
    expect(section('Индивидуальные планы')!.items[0]!.fields).toContainEqual(['Решить 20 задач', 'выполнено; срок 01.12.2025; результат: Решила 25']);
    expect(section('Ответы на анкеты')!.items[0]).toEqual({
      recordIds: ['r1'],
      heading: 'Анкета наставляемого, 05.10.2025',
      fields: [
        ['Этап', 'начало года'],
        ['Насколько полезны встречи?', '8 из 10'],
        ['Что хотите изменить?', 'Больше практики'],
      ],
    });
    expect(section('Анкеты предпочтений')!.items.map((i) => i.fields)).toEqual([
      [
        ['Заполнял(а) как', 'наставляемый'],
        ['Выбрано участников', '1 (по порядку предпочтения; имена других участников в отчёт не включены)'],
      ],
      [['Назван(а) в анкетах предпочтений других участников', '1 раз']],
    ]);
    expect(section('Мероприятия')!.items[0]!.fields).toContainEqual(['Дата', '20.09.2025']);
    expect(section('Приказы, в которых участник назван')!.items[0]!.heading).toBe('Приказ № 12-од от 01.10.2025');
  });

  it('holds nothing of another person', () => {
    const all = text(report);
    for (const s of ['Иванова', 'Мария', 'maria@example.ru', '+7 900 999-88-77', 'Орлов', 'Орлова Вера', 'Тайна Бориса', 'План Бориса', 'Пункт Бориса', 'Ответ Бориса', 'Цель Бориса', 'Удалённая встреча'])
      expect(all).not.toContain(s);
  });

  it('gives the mentor her own: training, recognitions, practices, but not her mentees’ answers', () => {
    const m = personDataReport('maria', records, '2026-12-02')!;
    expect(m.sections.map((s) => s.title)).toEqual([
      'Карточка участника',
      'Наставнические пары и группы',
      'Встречи',
      'Индивидуальные планы',
      'Анкеты предпочтений',
      'Мероприятия',
      'Обучение наставников',
      'Поощрения',
      'Лучшие практики (автор)',
      'Приказы, в которых участник назван',
    ]);
    expect(m.sections.find((s) => s.title === 'Обучение наставников')!.items.map((i) => i.heading)).toEqual(['Группа обучения: Школа наставника', 'Роль наставника, 15.10.2025']);
    expect(m.sections.find((s) => s.title === 'Поощрения')!.items[0]).toEqual({ recordIds: ['rc1'], heading: 'Благодарственное письмо', fields: [['Дата', '20.05.2026'], ['За что', 'За работу с Анной']] });
    expect(m.sections.find((s) => s.title === 'Анкеты предпочтений')!.items[0]!.fields).toEqual([['Назван(а) в анкетах предпочтений других участников', '2 раза']]);
    expect(text(m)).not.toContain('Больше практики');
    expect(text(m)).not.toContain('anna@example.ru');
  });

  it('names the records it shows, a plan with its items, so that their copies can be found', () => {
    expect([...reportRecordIds(report)].sort()).toEqual(['anna', 'c1', 'e1', 'i1', 'm1', 'mt1', 'mt2', 'o1', 'p1', 'pr1', 'r1'].sort());
  });

  it('is null for an unknown or deleted person; mentions need the name and surname together', () => {
    expect(personDataReport('nobody', records, '2026-12-02')).toBeNull();
    expect(personDataReport('anna', { ...records, people: [{ ...anna, deleted: true }] }, '2026-12-02')).toBeNull();
    expect(mentions('семенова анна пришла', anna)).toBe(true);
    expect(mentions('Анна пришла', anna)).toBe(false);
    expect(personDataFileName(anna, '2026-12-02')).toBe('Какие_данные_хранятся_Семёнова_А_2026-12-02.docx');
  });
});
