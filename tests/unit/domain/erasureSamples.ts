import type { SyncedTable } from '../../../src/domain/syncedTables';

/** The erased person in every sample: her name, birth date, phone and e-mail must go everywhere. */
export const SUBJECT = {
  id: 'p-anna',
  lastName: 'Семёнова',
  firstName: 'Анна',
  middleName: 'Петровна',
  birthDate: '2012-05-17',
  phone: '+7 912 345-67-89',
  email: 'anna.semenova@example.ru',
};
export const SECRETS = [SUBJECT.lastName, SUBJECT.firstName, SUBJECT.middleName, SUBJECT.birthDate, SUBJECT.phone, SUBJECT.email, 'Семёновой', 'Ане'];

/**
 * One record of every synced table with every personal field filled, about the subject where the table can be (her
 * row, her consent, her pair with its meeting, plan and items, her answers, her preference…). The fields only.
 */
export function sampleFields(): Record<SyncedTable, Record<string, unknown>[]> {
  return {
    school: [
      {
        name: 'МБОУ «Школа № 14»',
        academicYear: '2026/2027',
        studentsTotal: 600,
        teachersTotal: 50,
        consentAge: 14,
        directorName: 'Кузнецов Павел Ильич',
        curatorName: 'Орлова Нина Викторовна',
      },
    ],
    people: [
      {
        id: SUBJECT.id,
        lastName: SUBJECT.lastName,
        firstName: SUBJECT.firstName,
        middleName: SUBJECT.middleName,
        category: 'student',
        classLabel: '8А',
        birthDate: SUBJECT.birthDate,
        phone: SUBJECT.phone,
        email: SUBJECT.email,
        roles: ['mentee'],
        interests: ['шахматы, как у Ани'],
        competencies: ['рисование'],
        partnerId: '',
        notes: 'Семёновой нужна помощь с математикой',
      },
      {
        id: 'p-mentor',
        lastName: 'Иванова',
        firstName: 'Мария',
        middleName: 'Сергеевна',
        category: 'teacher',
        classLabel: '',
        birthDate: '1980-01-10',
        phone: '+7 900 111-11-11',
        email: 'ivanova@example.ru',
        roles: ['mentor'],
        interests: [],
        competencies: [],
        partnerId: '',
        notes: '',
      },
    ],
    partners: [{ id: 'pt1', name: 'ООО «Ромашка»', kind: 'enterprise', contactPerson: 'Сидоров А. А.', phone: '+7 495 000-00-00', email: 'info@romashka.ru', agreementNumber: '12', agreementDate: '2026-09-01', notes: 'звонить утром' }],
    mentoringForms: [{ id: 'f1', name: 'Учитель – ученик', mentorCategories: ['teacher'], menteeCategories: ['student'], isFederal: false, description: '' }],
    mentorships: [
      {
        id: 'm1',
        formId: 'f1',
        mentorIds: ['p-mentor'],
        menteeIds: [SUBJECT.id],
        title: 'Анна и математика',
        goal: 'Ане подтянуть алгебру',
        startDate: '2026-09-10',
        plannedEndDate: '2027-05-31',
        status: 'active',
        endDate: '',
        endReason: '',
      },
    ],
    meetings: [
      { id: 'mt1', mentorshipId: 'm1', kind: 'intro', date: '2026-09-12', durationMin: 45, place: 'дома у Семёновой', attendeeIds: ['p-mentor', SUBJECT.id], notes: 'Аня волнуется', nextSteps: 'позвонить маме Семёновой' },
      { id: 'mt2', mentorshipId: 'm1', kind: 'work', date: '2026-10-01', durationMin: 40, place: '', attendeeIds: [], notes: 'задачи', nextSteps: '' },
    ],
    plans: [{ id: 'pl1', mentorshipId: 'm1', title: 'План Семёновой', approvedByOrderId: '', approvedItemsDigest: '' }],
    planItems: [
      { id: 'pi1', planId: 'pl1', title: 'Ане решить 20 задач', dueDate: '2026-10-01', status: 'done', result: 'Семёнова решила', evidence: 'тетрадь Ани', order: 0 },
      { id: 'pi2', planId: 'pl1', title: 'Олимпиада', dueDate: '2026-11-01', status: 'planned', result: '', evidence: '', order: 1 },
    ],
    consents: [
      { id: 'c1', personId: SUBJECT.id, signedOn: '2026-09-01', signer: 'representative', representativeName: 'Семёнова Ольга Ивановна', representativeRelation: 'мать', withdrawnOn: '2026-11-01', notes: 'отозвано письмом' },
      { id: 'c2', personId: 'p-mentor', signedOn: '2026-09-01', signer: 'self', representativeName: '', representativeRelation: '', withdrawnOn: '', notes: '' },
    ],
    orders: [{ id: 'o1', kind: 'fixMentorships', number: '15', date: '2026-09-09', title: 'О закреплении наставнических пар/групп', mentorshipIds: ['m1'], planIds: [], recognitionIds: [], protocolNumber: '', protocolDate: '', signed: true }],
    events: [{ id: 'e1', kind: 'finalGame', title: 'Деловая игра', date: '2027-05-20', place: 'актовый зал', attendeeIds: ['p-mentor', SUBJECT.id], notes: '' }],
    preferences: [{ id: 'pr1', eventId: 'e1', personId: SUBJECT.id, side: 'mentee', ranked: ['p-mentor'] }],
    trainingGroups: [{ id: 'tg1', name: 'Наставники 2026', memberIds: ['p-mentor'], notes: '' }],
    trainingSessions: [{ id: 'ts1', groupId: 'tg1', kind: 'session', date: '2026-09-20', topic: 'Как вести встречи', expert: 'Петрова Е. А.', format: 'inPerson', attendeeIds: ['p-mentor'] }],
    materials: [{ id: 'ma1', title: 'Памятка', description: '', audience: 'all', formIds: [], fileName: 'памятка.pdf', mimeType: 'application/pdf', size: 100, roadmapTaskId: '' }],
    questionnaires: [
      {
        id: 'q1',
        title: 'Входная анкета',
        role: 'mentee',
        formIds: [],
        beforeAfter: true,
        description: '',
        questions: [
          { id: 'a', kind: 'scale', text: 'Уверенность', options: [] },
          { id: 'b', kind: 'text', text: 'Что хотите?', options: [] },
          { id: 'c', kind: 'one', text: 'Класс нравится?', options: ['да', 'нет'] },
        ],
      },
    ],
    responses: [
      { id: 'r1', questionnaireId: 'q1', respondentId: SUBJECT.id, mentorshipId: 'm1', phase: 'start', answeredOn: '2026-09-15', answers: { a: 4, b: 'Я, Семёнова, хочу поступить', c: 'да' } },
      { id: 'r2', questionnaireId: 'q1', respondentId: 'p-mentor', mentorshipId: 'm1', phase: 'start', answeredOn: '2026-09-15', answers: { a: 8, b: 'Ане нужна поддержка' } },
    ],
    recognitions: [
      { id: 'rc1', personId: 'p-mentor', kind: 'thanks', title: '', reason: 'за работу с наставляемыми', date: '2027-05-25', orderId: '' },
      { id: 'rc2', personId: SUBJECT.id, kind: 'other', title: 'Грамота Семёновой', reason: 'за олимпиаду', date: '2027-05-25', orderId: '' },
    ],
    practices: [{ id: 'pc1', title: 'Задачи вдвоём', formId: 'f1', authorIds: ['p-mentor'], academicYear: '2026/2027', description: 'решаем задачи вместе', result: '' }],
    roadmapTasks: [
      { id: 'rt1', academicYear: '2026/2027', section: 'organisation', order: 0, content: 'Приказ', deadlineText: '', deadline: '', expectedResult: '', indicator: '', responsible: 'Орлова Н. В.', status: 'planned', doneOn: '', evidenceRoute: '', note: '' },
    ],
    erasures: [],
  };
}
