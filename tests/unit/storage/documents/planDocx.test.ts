import { describe, expect, it } from 'vitest';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';
import { planItemInputSchema } from '../../../../src/domain/plan.schema';
import { planDocument, planFileName } from '../../../../src/domain/planDocument';
import { planDocx } from '../../../../src/storage/documents/planDocx';
import { readDocx } from '../../docxText';

const people = new Map([
  ['t1', { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', classLabel: '', category: 'teacher' as const }],
  ['s1', { lastName: 'Семёнов', firstName: 'Пётр', middleName: '', classLabel: '7Б', category: 'student' as const }],
]);
const item = (title: string, order: number, f: Record<string, unknown> = {}) => planItemInputSchema.parse({ planId: 'p', title, order, ...f });

describe('the individual plan as a document', () => {
  const doc = planDocument({
    schoolName: 'МКОУ СОШ № 2 с. п. Кахун',
    curatorName: 'Иванова М. П.',
    plan: { title: 'Индивидуальный план: Семёнов П.' },
    items: [
      item('Олимпиада по химии', 2, { dueDate: '2026-02-15', status: 'inProgress' }),
      item('Встреча-знакомство', 1, { dueDate: '2025-10-01', status: 'done', result: 'Познакомились' }),
      item('Экскурсия', 3, { status: 'cancelled' }),
    ],
    mentorship: mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], goal: 'Подготовка к олимпиаде', startDate: '2025-10-01', plannedEndDate: '2026-05-25' }),
    formName: 'Учитель – ученик',
    people,
    approvedBy: { number: '125-од', date: '2025-11-14' },
    today: '2025-11-20',
  });

  it('carries the pair, the items in their order with the marks, the progress and a line to sign for each', () => {
    expect(doc.approval).toBe('Утверждён приказом № 125-од от 14.11.2025');
    expect(doc.facts).toEqual([
      ['Форма наставничества', 'Учитель – ученик'],
      ['Наставник', 'Иванова Мария Петровна'],
      ['Наставляемый', 'Семёнов Пётр, 7Б'],
      ['Цель', 'Подготовка к олимпиаде'],
      ['Срок', 'с 01.10.2025 по 25.05.2026'],
    ]);
    expect(doc.table.rows).toEqual([
      ['1', 'Встреча-знакомство', '01.10.2025', 'выполнено: Познакомились'],
      ['2', 'Олимпиада по химии', '15.02.2026', 'в работе'],
      ['3', 'Экскурсия', '', 'отменено'],
    ]);
    expect(doc.progress).toBe('Выполнено 1 из 2 (50\u00a0%)');
    expect(doc.signatures.map((s) => s.role)).toEqual(['Наставник', 'Наставляемый', 'Куратор']);
    expect(planFileName(doc, '2025-11-20')).toBe('Индивидуальный_план:_Семёнов_П._2025-11-20.docx'.replace(':', '-'));
  });

  it('becomes a DOCX with the same text', async () => {
    const { text } = await readDocx(await planDocx(doc));
    expect(text).toContain('МКОУ СОШ № 2 с. п. Кахун');
    expect(text).toContain('Утверждён приказом № 125-од от 14.11.2025');
    expect(text).toContain('Олимпиада по химии');
    expect(text).toContain('Наставляемый: Семёнов Пётр, 7Б');
  });
});
