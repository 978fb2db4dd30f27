/** The zod schemas of ./questionnaire: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { PHASES, QUESTION_KINDS, RESPONDENT_ROLES } from './questionnaire';

export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Вопрос: неверный идентификатор'),
    kind: z.enum(QUESTION_KINDS, { message: 'Выберите вид вопроса' }),
    text: z.string().trim().min(1, 'Впишите текст вопроса').max(300, 'Вопрос: не длиннее 300 символов'),
    options: z.array(z.string().trim().min(1, 'Вариант ответа не может быть пустым').max(120, 'Вариант: не длиннее 120 символов')).max(12, 'Не больше 12 вариантов').default([]),
    /** A scale's end labels, shown under the marks: what 1 and what 10 mean («совсем нет» … «полностью»). Optional. */
    low: z.string().trim().max(60, 'Подпись к 1: не длиннее 60 символов').optional(),
    high: z.string().trim().max(60, 'Подпись к 10: не длиннее 60 символов').optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.kind === 'one' || q.kind === 'many') && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Нужно не меньше двух вариантов ответа' });
    if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Варианты ответа повторяются' });
  });
export const questionnaireInputSchema = z
  .object({
    title: z.string().trim().min(1, 'Укажите название анкеты').max(200, 'Название: не длиннее 200 символов'),
    role: z.enum(RESPONDENT_ROLES, { message: 'Выберите, кто отвечает: наставник или наставляемый' }),
    /** Empty: any form of mentoring. */
    formIds: z.array(z.string().min(1)).default([]),
    /** Before/after: answered at the start and at the end of the year; otherwise once. */
    beforeAfter: z.boolean().default(false),
    description: z.string().trim().max(1000, 'Описание: не длиннее 1000 символов').default(''),
    questions: z.array(questionSchema).min(1, 'Добавьте хотя бы один вопрос').max(60, 'Не больше 60 вопросов'),
  })
  .superRefine((q, ctx) => {
    const ids = q.questions.map((x) => x.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'Два вопроса с одним идентификатором' });
    });
  });
export const responseInputSchema = z.object({
  questionnaireId: z.string().min(1, 'Выберите анкету'),
  respondentId: z.string().min(1, 'Выберите, кто отвечает'),
  mentorshipId: z.string().default(''),
  phase: z.enum(PHASES, { message: 'Выберите: начало года, конец года или однократно' }),
  answeredOn: z
    .string()
    .trim()
    .refine((s) => isValidIsoDate(s), 'Дата: укажите дату'),
  answers: z.record(z.string(), z.union([z.number(), z.string().max(500, 'Ответ: не длиннее 500 символов'), z.array(z.string().max(120)).max(12)])),
});
