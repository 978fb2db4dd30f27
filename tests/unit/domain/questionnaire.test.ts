import { describe, expect, it } from 'vitest';
import { answerErrors, beforeAfter, summarize } from '../../../src/domain/questionnaire';
import { questionnaireInputSchema, responseInputSchema } from '../../../src/domain/questionnaire.schema';
import { QUESTIONNAIRE_TEMPLATES } from '../../../src/domain/questionnaireTemplates';
import { fieldErrors } from '../../../src/domain/zodErrors';

const q = {
  questions: [
    { id: 'a', kind: 'scale' as const, text: 'Уверенность', options: [] },
    { id: 'b', kind: 'one' as const, text: 'Частота', options: ['часто', 'редко'] },
    { id: 'c', kind: 'many' as const, text: 'Помощь', options: ['учёба', 'проект', 'профессия'] },
    { id: 'd', kind: 'text' as const, text: 'Ожидания', options: [] },
  ],
};

describe('the builder', () => {
  it('every built-in template is valid and unchanged by its schema', () => {
    for (const { id: _id, ...t } of QUESTIONNAIRE_TEMPLATES) expect(questionnaireInputSchema.parse(t)).toEqual(t);
    expect(new Set(QUESTIONNAIRE_TEMPLATES.map((t) => t.id)).size).toBe(QUESTIONNAIRE_TEMPLATES.length);
  });
  it('names each problem in Russian: no questions, a choice with one option, a repeated option, a repeated id', () => {
    expect(fieldErrors(questionnaireInputSchema.safeParse({ title: '', role: 'mentee', questions: [] }).error!)).toMatchObject({
      title: 'Укажите название анкеты',
      questions: 'Добавьте хотя бы один вопрос',
    });
    const bad = questionnaireInputSchema.safeParse({
      title: 'Т',
      role: 'mentor',
      questions: [
        { id: 'x', kind: 'one', text: 'Q', options: ['да'] },
        { id: 'x', kind: 'many', text: 'Q2', options: ['а', 'а'] },
      ],
    });
    expect(fieldErrors(bad.error!)).toMatchObject({
      'questions.0.options': 'Нужно не меньше двух вариантов ответа',
      'questions.1.options': 'Варианты ответа повторяются',
      'questions.1.id': 'Два вопроса с одним идентификатором',
    });
  });
});

describe('answers', () => {
  it('a scale needs a whole mark 1–10; choices must come from the list; unknown questions are refused', () => {
    expect(answerErrors(q, { a: 7, b: 'часто', c: ['учёба'], d: 'Научиться' })).toEqual({});
    expect(answerErrors(q, {})).toEqual({ a: 'Вопрос 1: выберите оценку от 1 до 10' });
    expect(answerErrors(q, { a: 11, b: 'иногда', c: ['спорт'], z: 1 })).toEqual({
      a: 'Вопрос 1: оценка — целое число от 1 до 10',
      b: 'Вопрос 2: выберите один из вариантов',
      c: 'Вопрос 3: выберите варианты из списка',
      z: 'Ответ на вопрос, которого нет в анкете',
    });
  });
  it('a response needs a phase and a date', () => {
    const r = responseInputSchema.safeParse({ questionnaireId: 'q', respondentId: 'p', phase: 'x', answeredOn: '', answers: {} });
    expect(fieldErrors(r.error!)).toMatchObject({ phase: 'Выберите: начало года, конец года или однократно', answeredOn: 'Дата: укажите дату' });
  });
});

describe('results', () => {
  it('a scale: mean and distribution; choices: counts; texts: the non-empty answers', () => {
    const s = summarize(q, [
      { answers: { a: 4, b: 'часто', c: ['учёба', 'проект'], d: 'Больше практики' } },
      { answers: { a: 8, b: 'редко', c: ['учёба'], d: '' } },
      { answers: { a: 9, b: 'часто', c: [] } },
    ]);
    expect(s[0]).toMatchObject({ n: 3, mean: 7, distribution: [0, 0, 0, 1, 0, 0, 0, 1, 1, 0] });
    expect(s[1]).toMatchObject({ n: 3, counts: { часто: 2, редко: 1 } });
    expect(s[2]).toMatchObject({ n: 2, counts: { учёба: 2, проект: 1, профессия: 0 } });
    expect(s[3]).toMatchObject({ n: 1, texts: ['Больше практики'] });
  });
  it('the change from the start to the end of the year pairs each respondent with themself', () => {
    const r = (respondentId: string, phase: 'start' | 'end', a: number, answeredOn = '2025-10-01') => ({ respondentId, phase, answeredOn, answers: { a } });
    const change = beforeAfter(q, [
      r('p1', 'start', 4),
      r('p1', 'end', 7, '2026-05-01'),
      r('p2', 'start', 6),
      r('p2', 'end', 6, '2026-05-01'),
      r('p2', 'end', 8, '2026-05-20'), // the later answer of the end counts
      r('p3', 'start', 2), // no end: not counted
      r('p4', 'end', 10, '2026-05-01'), // no start: not counted
    ]);
    expect(change).toEqual([{ questionId: 'a', text: 'Уверенность', n: 2, before: 5, after: 7.5, delta: 2.5 }]);
  });
});
