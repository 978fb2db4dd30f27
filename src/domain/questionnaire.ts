import type { z } from 'zod';
import type { Stored } from './envelope';
import { marksOnly, type TablePersonalData } from './personalData';
import type { questionSchema, questionnaireInputSchema, responseInputSchema } from './questionnaire.schema';

/**
 * Diagnostic questionnaires (диагностические анкеты): a builder of questions (a scale of 1–10, one choice, several
 * choices, a short text) for a role and, optionally, some forms; answered at the start and the end of the year so
 * the change shows, or once (satisfaction).
 */
export const QUESTION_KINDS = ['scale', 'one', 'many', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  scale: 'шкала 1–10',
  one: 'один вариант',
  many: 'несколько вариантов',
  text: 'короткий ответ',
};
export const RESPONDENT_ROLES = ['mentee', 'mentor'] as const;
export const RESPONDENT_ROLE_LABELS: Record<(typeof RESPONDENT_ROLES)[number], string> = { mentee: 'наставляемый', mentor: 'наставник' };
export const PHASES = ['start', 'end', 'once'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = { start: 'начало года', end: 'конец года', once: 'однократно' };

export type Question = z.output<typeof questionSchema>;

export type QuestionnaireFields = z.output<typeof questionnaireInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const QUESTIONNAIRE_PERSONAL_DATA: TablePersonalData<QuestionnaireFields> = {
  personal: {},
  kept: ['title', 'role', 'formIds', 'beforeAfter', 'description', 'questions'],
  action: 'anonymise',
};
export type Questionnaire = Stored<QuestionnaireFields>;

export type Answer = number | string | string[];

export type ResponseFields = z.output<typeof responseInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const RESPONSE_PERSONAL_DATA: TablePersonalData<ResponseFields> = {
  personal: { answers: marksOnly('answers') },
  kept: ['questionnaireId', 'respondentId', 'mentorshipId', 'phase', 'answeredOn'],
  action: 'anonymise',
};
export type QuestionnaireResponse = Stored<ResponseFields>;

/** Per question, what is wrong with an answer (Russian), or nothing. Unanswered questions are allowed except scales. */
export function answerErrors(q: Pick<QuestionnaireFields, 'questions'>, answers: Readonly<Record<string, Answer | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  q.questions.forEach((question, i) => {
    const a = answers[question.id];
    const n = `Вопрос ${i + 1}`;
    switch (question.kind) {
      case 'scale':
        if (a === undefined || a === '') out[question.id] = `${n}: выберите оценку от 1 до 10`;
        else if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > 10) out[question.id] = `${n}: оценка — целое число от 1 до 10`;
        break;
      case 'one':
        if (a !== undefined && a !== '' && (typeof a !== 'string' || !question.options.includes(a))) out[question.id] = `${n}: выберите один из вариантов`;
        break;
      case 'many':
        if (a !== undefined && (!Array.isArray(a) || a.some((x) => !question.options.includes(x)))) out[question.id] = `${n}: выберите варианты из списка`;
        break;
      case 'text':
        if (a !== undefined && (typeof a !== 'string' || a.length > 500)) out[question.id] = `${n}: ответ не длиннее 500 символов`;
        break;
    }
  });
  for (const k of Object.keys(answers)) if (!q.questions.some((x) => x.id === k)) out[k] = 'Ответ на вопрос, которого нет в анкете';
  return out;
}

export interface QuestionSummary {
  questionId: string;
  kind: QuestionKind;
  text: string;
  n: number;
  /** Scales: the mean, and how many gave each mark 1…10 (index 0 = mark 1). */
  mean?: number;
  distribution?: number[];
  /** Choices: how many chose each option. */
  counts?: Record<string, number>;
  /** Texts: the non-empty answers. */
  texts?: string[];
}

/** Results of one questionnaire over the given responses (the caller filters by pair, form or phase). */
export function summarize(q: Pick<QuestionnaireFields, 'questions'>, responses: readonly Pick<ResponseFields, 'answers'>[]): QuestionSummary[] {
  return q.questions.map((question) => {
    const given = responses.map((r) => r.answers[question.id]).filter((a) => a !== undefined && a !== '' && !(Array.isArray(a) && a.length === 0));
    const base = { questionId: question.id, kind: question.kind, text: question.text, n: given.length };
    if (question.kind === 'scale') {
      const marks = given.filter((a): a is number => typeof a === 'number' && a >= 1 && a <= 10);
      const distribution = Array.from({ length: 10 }, (_, i) => marks.filter((m) => m === i + 1).length);
      return { ...base, n: marks.length, mean: marks.length ? marks.reduce((a, b) => a + b, 0) / marks.length : undefined, distribution };
    }
    if (question.kind === 'text') return { ...base, texts: given.filter((a): a is string => typeof a === 'string') };
    const counts = Object.fromEntries(question.options.map((o) => [o, 0]));
    for (const a of given) for (const o of Array.isArray(a) ? a : [a]) if (typeof o === 'string' && o in counts) counts[o]! += 1;
    return { ...base, counts };
  });
}

export interface ScaleChange {
  questionId: string;
  text: string;
  /** Respondents who answered it at both the start and the end. */
  n: number;
  before: number | null;
  after: number | null;
  delta: number | null;
}

/**
 * The change between the start and the end of the year, per scale question, paired by respondent: only people who
 * answered at both ends count, each with their latest answer of each phase, so the change is theirs, not a change
 * of who answered.
 */
export function beforeAfter(
  q: Pick<QuestionnaireFields, 'questions'>,
  responses: readonly Pick<ResponseFields, 'respondentId' | 'phase' | 'answeredOn' | 'answers'>[],
): ScaleChange[] {
  const latest = (phase: Phase) => {
    const m = new Map<string, Pick<ResponseFields, 'answers' | 'answeredOn'>>();
    for (const r of responses) if (r.phase === phase && (!m.has(r.respondentId) || m.get(r.respondentId)!.answeredOn <= r.answeredOn)) m.set(r.respondentId, r);
    return m;
  };
  const start = latest('start');
  const end = latest('end');
  return q.questions
    .filter((x) => x.kind === 'scale')
    .map((question) => {
      const pairs: [number, number][] = [];
      for (const [who, s] of start) {
        const a = s.answers[question.id];
        const b = end.get(who)?.answers[question.id];
        if (typeof a === 'number' && typeof b === 'number') pairs.push([a, b]);
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : null);
      const before = mean(pairs.map((p) => p[0]));
      const after = mean(pairs.map((p) => p[1]));
      return { questionId: question.id, text: question.text, n: pairs.length, before, after, delta: before === null || after === null ? null : after - before };
    });
}
