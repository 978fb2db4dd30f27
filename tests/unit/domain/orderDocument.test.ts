import { describe, expect, it } from 'vitest';
import { longRuDate, orderDocument, type OrderContext } from '../../../src/domain/orderDocument';
import { orderInputSchema } from '../../../src/domain/order.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { recognitionLabel, type RecognitionFields } from '../../../src/domain/recognition';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';
import { orderDocx } from '../../../src/storage/documents/orderDocx';
import { readDocx } from '../docxText';

const people = new Map([
  ['t1', { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', classLabel: '', category: 'teacher' as const }],
  ['s1', { lastName: 'Семёнов', firstName: 'Пётр', middleName: '', classLabel: '7Б', category: 'student' as const }],
  ['s2', { lastName: 'Ли', firstName: 'Анна', middleName: '', classLabel: '7Б', category: 'student' as const }],
]);
const pair = { id: 'm1', ...mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'] }) };
const group = { id: 'm2', ...mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1', 's2'] }) };
const ctx: OrderContext = {
  schoolName: 'МКОУ СОШ № 2 с. п. Кахун',
  directorName: 'Р. Ю. Гетокова',
  curatorName: 'Иванову М. П.',
  academicYear: '2025/2026',
  mentorships: [pair, group],
  people,
  formNames: new Map([['teacher-student', 'Учитель – ученик']]),
};

describe('the order approving individual plans', () => {
  const order = orderInputSchema.parse({
    kind: 'approvePlans',
    number: '112-од',
    date: '2025-11-25',
    title: 'Об утверждении индивидуальных планов наставнических пар/групп',
    mentorshipIds: ['m1', 'm2', 'gone'],
  });
  const doc = orderDocument(order, ctx);
  it('carries the number, the date in words, the title and the signer', () => {
    expect(doc.numberText).toBe('№ 112-од');
    expect(doc.dateText).toBe('25 ноября 2025 г.');
    expect(doc.title).toBe('Об утверждении индивидуальных планов наставнических пар/групп');
    expect(doc.signature).toEqual({ role: 'Директор', name: 'Р. Ю. Гетокова' });
    expect(doc.preamble).toContain('2025/2026');
    expect(doc.orders[0]).toBe('Утвердить индивидуальные планы наставнических пар/групп (2) согласно списку.');
    expect(doc.orders[2]).toContain('Иванову М. П.');
  });
  it('lists each pair and group with form, mentors and mentees, skipping records that are gone', () => {
    expect(doc.table?.rows).toEqual([
      ['1', 'Учитель – ученик', 'Иванова Мария Петровна', 'Семёнов Пётр, 7Б'],
      ['2', 'Учитель – ученик (группа)', 'Иванова Мария Петровна', 'Семёнов Пётр, 7Б; Ли Анна, 7Б'],
    ]);
  });
  it('mentions the council protocol when there is one', () => {
    const d = orderDocument({ ...order, protocolNumber: '3', protocolDate: '2025-11-20' }, ctx);
    expect(d.preamble).toContain('протокол № 3 от 20 ноября 2025 г.');
  });
  it('writes dates in the genitive', () => {
    expect(longRuDate('2026-05-01')).toBe('1 мая 2026 г.');
  });
});

describe('the curator named in an order', () => {
  // The school profile holds the curator as typed there, in the nominative.
  const named: OrderContext = { ...ctx, curatorName: 'Иванова Мария Сергеевна' };
  const approve = orderInputSchema.parse({ kind: 'approvePlans', number: '112-од', date: '2025-11-25', title: 'Об утверждении планов', mentorshipIds: ['m1'] });
  const fix = orderInputSchema.parse({ kind: 'fixMentorships', number: '98-од', date: '2025-10-01', title: 'О закреплении пар', mentorshipIds: ['m1'] });

  it('stands in the accusative: «возложить на Иванову Марию Сергеевну», «назначить Иванову Марию Сергеевну»', () => {
    expect(orderDocument(approve, named).orders[2]).toBe('Контроль за реализацией индивидуальных планов возложить на Иванову Марию Сергеевну.');
    expect(orderDocument(fix, named).orders[2]).toBe('Ответственным за организацию работы наставнических пар/групп назначить Иванову Марию Сергеевну.');
    expect(orderDocument(approve, { ...ctx, curatorName: 'Орлов Олег Ильич' }).orders[2]).toBe(
      'Контроль за реализацией индивидуальных планов возложить на Орлова Олега Ильича.',
    );
  });
  it('reads so in the DOCX too', async () => {
    const { text } = await readDocx(await orderDocx(orderDocument(approve, named)));
    expect(text).toContain('возложить на Иванову Марию Сергеевну.');
    expect(text).not.toContain('Иванова Мария Сергеевна');
  });
  it('is left as typed when the name tells no gender, and is the post when there is no name', () => {
    expect(orderDocument(approve, ctx).orders[2]).toBe('Контроль за реализацией индивидуальных планов возложить на Иванову М. П.');
    expect(orderDocument(approve, { ...ctx, curatorName: 'Ковальчук Саша' }).orders[2]).toContain('возложить на Ковальчук Саша.');
    expect(orderDocument(approve, { ...ctx, curatorName: '  ' }).orders[2]).toBe(
      'Контроль за реализацией индивидуальных планов возложить на куратора внедрения целевой модели наставничества.',
    );
  });
  it('and the lists and the signature keep the nominative', () => {
    const doc = orderDocument(approve, { ...named, directorName: 'Гетокова Рита Юрьевна' });
    expect(doc.table?.rows[0]?.[2]).toBe('Иванова Мария Петровна');
    expect(doc.signature.name).toBe('Гетокова Рита Юрьевна');
  });
});

describe('the order rewarding mentors', () => {
  const rec = (personId: string, f: Partial<RecognitionFields>) => recognitionInputSchema.parse({ personId, kind: 'thanks', reason: 'За работу с наставляемыми', date: '2026-05-20', ...f });
  const withRecognitions: OrderContext = {
    ...ctx,
    recognitions: new Map([
      ['r1', rec('t1', { kind: 'title', title: '«Наставник года»', reason: 'За лучший проект пары' })],
      ['r2', rec('s1', { kind: 'certificate', reason: 'За помощь младшим в учёбе' })],
    ]),
  };
  const doc = orderDocument(
    orderInputSchema.parse({ kind: 'rewardMentors', number: '140-од', date: '2026-05-25', title: 'О поощрении наставников', recognitionIds: ['r2', 'r1', 'нет'] }),
    withRecognitions,
  );
  it('lists each mentor with the wording of the award and the reason, in the order ticked', () => {
    expect(doc.table).toEqual({
      caption: 'Список наставников',
      columns: ['№', 'Наставник', 'Поощрение', 'За что'],
      rows: [
        ['1', 'Семёнов Пётр, 7Б', 'наградить почётной грамотой', 'За помощь младшим в учёбе'],
        ['2', 'Иванова Мария Петровна', 'присвоить звание «Наставник года»', 'За лучший проект пары'],
      ],
    });
    expect(doc.orders[0]).toBe('Поощрить наставников (2) согласно списку.');
    expect(doc.preamble).toContain('2025/2026 учебном году');
  });
  it('a title or another award must be named; labels read as people say them', () => {
    const r = recognitionInputSchema.safeParse({ personId: 't1', kind: 'title', reason: 'За проект', date: '2026-05-20' });
    expect(!r.success && r.error.issues.map((i) => i.message)).toEqual(['Укажите звание, например «Наставник года»']);
    expect(recognitionLabel({ kind: 'title', title: 'Наставник года' })).toBe('Звание «Наставник года»');
    expect(recognitionLabel({ kind: 'letter', title: '' })).toBe('Благодарственное письмо');
    expect(recognitionInputSchema.safeParse({ personId: '', kind: 'thanks', reason: '', date: '' }).error?.issues.map((i) => i.message)).toEqual([
      'Выберите наставника',
      'Укажите, за что поощрение',
      'Дата: укажите дату',
    ]);
  });
});
