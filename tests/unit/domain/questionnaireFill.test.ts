import { describe, expect, it } from 'vitest';
import type { MentorshipStatus } from '../../../src/domain/mentorship';
import type { PersonRole } from '../../../src/domain/person';
import { answerErrors } from '../../../src/domain/questionnaire';
import { questionnaireInputSchema } from '../../../src/domain/questionnaire.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';
import {
  fillProblems,
  linkedChoice,
  isLivePair,
  preselectedPair,
  quickRespondents,
  rememberRespondent,
  respondentPairs,
  soleRespondent,
  suggestedPhase,
} from '../../../src/domain/questionnaireFill';

const pair = (id: string, mentorIds: string[], menteeIds: string[], status: MentorshipStatus = 'active', deleted = false) => ({ id, mentorIds, menteeIds, status, deleted });
const person = (id: string, roles: PersonRole[], deleted = false) => ({ id, roles, deleted });

describe('the pair chosen by itself', () => {
  it('none when the respondent is in no live pair', () => {
    expect(preselectedPair([], 'ann')).toBe('');
    expect(preselectedPair([pair('m1', ['ivan'], ['boris'])], 'ann')).toBe('');
  });
  it('the only live pair or group, as mentee or as mentor', () => {
    const ms = [pair('m1', ['ivan'], ['ann']), pair('m2', ['nina'], ['boris', 'vera'], 'forming')];
    expect(preselectedPair(ms, 'ann')).toBe('m1');
    expect(preselectedPair(ms, 'ivan')).toBe('m1');
    expect(preselectedPair(ms, 'vera')).toBe('m2');
  });
  it('none when there are two live ones: the respondent chooses', () => {
    const ms = [pair('m1', ['ivan'], ['ann']), pair('m2', ['nina'], ['ann'], 'forming')];
    expect(preselectedPair(ms, 'ann')).toBe('');
    expect(preselectedPair(ms, 'nina')).toBe('m2');
  });
  it('deleted, finished and interrupted pairs are ignored: the one live pair is still chosen', () => {
    const ms = [
      pair('old', ['ivan'], ['ann'], 'finished'),
      pair('gone', ['nina'], ['ann'], 'active', true),
      pair('stop', ['olga'], ['ann'], 'interrupted'),
      pair('now', ['petr'], ['ann'], 'active'),
    ];
    expect(preselectedPair(ms, 'ann')).toBe('now');
    expect(preselectedPair(ms.slice(0, 3), 'ann')).toBe('');
    expect(isLivePair({ status: 'forming' })).toBe(true);
    expect(isLivePair({ status: 'active', deleted: true })).toBe(false);
  });
  it('no respondent, no pair', () => {
    expect(preselectedPair([pair('m1', ['ivan'], ['ann'])], '')).toBe('');
  });
  it('the list to choose from: the live ones first, ended ones after, deleted ones never', () => {
    const ms = [pair('old', ['ivan'], ['ann'], 'finished'), pair('gone', ['nina'], ['ann'], 'active', true), pair('now', ['petr'], ['ann']), pair('other', ['petr'], ['boris'])];
    expect(respondentPairs(ms, 'ann').map((m) => m.id)).toEqual(['now', 'old']);
    expect(respondentPairs(ms, '')).toEqual([]);
  });
});

describe('the respondent chosen by itself', () => {
  it('only when one live person has the role', () => {
    expect(soleRespondent([person('ann', ['mentee']), person('ivan', ['mentor'])], 'mentee')).toBe('ann');
    expect(soleRespondent([person('ann', ['mentee']), person('boris', ['mentee'])], 'mentee')).toBeNull();
    expect(soleRespondent([person('ann', ['mentee']), person('boris', ['mentee'], true)], 'mentee')).toBe('ann');
    expect(soleRespondent([person('ivan', ['mentor'])], 'mentee')).toBeNull();
  });
});

describe('the phase chosen by itself', () => {
  const r = (respondentId: string, phase: 'start' | 'end' | 'once') => ({ respondentId, phase });
  it('the end when the respondent answered at the start only', () => {
    expect(suggestedPhase([r('ann', 'start'), r('boris', 'end')], 'ann')).toBe('end');
  });
  it('the start when the respondent has not answered and nobody has answered at the end', () => {
    expect(suggestedPhase([], 'ann')).toBe('start');
    expect(suggestedPhase([r('boris', 'start')], 'ann')).toBe('start');
  });
  it('nothing when it could be either: someone answered at the end already, or the respondent answered both', () => {
    expect(suggestedPhase([r('boris', 'end')], 'ann')).toBe('');
    expect(suggestedPhase([r('ann', 'start'), r('ann', 'end')], 'ann')).toBe('');
    expect(suggestedPhase([r('ann', 'end')], 'ann')).toBe('');
    expect(suggestedPhase([], '')).toBe('');
  });
});

describe('respondents one tap away', () => {
  it('remembers the newest first, without repeats, at most five', () => {
    expect(rememberRespondent([], 'a')).toEqual(['a']);
    expect(rememberRespondent(['b', 'a', 'c'], 'a')).toEqual(['a', 'b', 'c']);
    expect(rememberRespondent(['b', 'c', 'd', 'e', 'f'], 'a')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('who uses the device, then recent ones: live, with the role, not chosen, with something left to answer', () => {
    const people = [person('me', ['mentee']), person('ann', ['mentee']), person('boris', ['mentee']), person('ivan', ['mentor']), person('gone', ['mentee'], true), person('vera', ['mentee'])];
    const base = { me: 'me', recent: ['ann', 'ivan', 'gone', 'boris', 'vera'], people, role: 'mentee' as const, responses: [], beforeAfter: false, chosen: '' };
    expect(quickRespondents(base)).toEqual(['me', 'ann', 'boris']);
    expect(quickRespondents({ ...base, chosen: 'ann' })).toEqual(['me', 'boris', 'vera']);
    expect(quickRespondents({ ...base, me: 'ivan' })).toEqual(['ann', 'boris', 'vera']);
    expect(quickRespondents({ ...base, me: null, responses: [{ respondentId: 'ann', phase: 'once' }] })).toEqual(['boris', 'vera']);
    // before/after: someone who answered at the start still has the end to answer
    const started = [{ respondentId: 'ann', phase: 'start' as const }];
    expect(quickRespondents({ ...base, me: null, beforeAfter: true, responses: started })).toEqual(['ann', 'boris', 'vera']);
    expect(quickRespondents({ ...base, me: null, beforeAfter: true, responses: [...started, { respondentId: 'ann', phase: 'end' }] })).toEqual(['boris', 'vera']);
  });
});

describe('what keeps the form from saving', () => {
  const q = {
    questions: [
      { id: 'a', kind: 'scale' as const, text: 'Уверенность', options: [] },
      { id: 'b', kind: 'scale' as const, text: 'Интерес', options: [] },
      { id: 'c', kind: 'one' as const, text: 'Частота', options: ['часто', 'редко'] },
      { id: 'd', kind: 'scale' as const, text: 'Цели', options: [] },
    ],
  };
  it('names the unanswered question, or the questions', () => {
    expect(fillProblems(q, {})).toBe('');
    expect(fillProblems(q, answerErrors(q, { a: 5, d: 7 }))).toBe('Вопрос 2: выберите оценку от 1 до 10.');
    expect(fillProblems(q, answerErrors(q, { a: 5 }))).toBe('Ответьте на вопросы 2 и 4.');
    expect(fillProblems(q, answerErrors(q, {}))).toBe('Ответьте на вопросы 1, 2 и 4.');
  });
  it('the form’s own messages first', () => {
    expect(fillProblems(q, { respondentId: 'Выберите, кто отвечает', ...answerErrors(q, { a: 1, d: 2 }) })).toBe('Выберите, кто отвечает. Вопрос 2: выберите оценку от 1 до 10.');
  });
});

describe('end labels of a scale', () => {
  it('are optional, trimmed and kept; too long is said in Russian', () => {
    const base = { title: 'Т', role: 'mentee' as const };
    const ok = questionnaireInputSchema.parse({ ...base, questions: [{ id: 'a', kind: 'scale', text: 'Q', low: ' совсем нет ', high: 'полностью' }, { id: 'b', kind: 'scale', text: 'Q2' }] });
    expect(ok.questions[0]).toMatchObject({ low: 'совсем нет', high: 'полностью' });
    expect(ok.questions[1]).not.toHaveProperty('low');
    const bad = questionnaireInputSchema.safeParse({ ...base, questions: [{ id: 'a', kind: 'scale', text: 'Q', high: 'я'.repeat(61) }] });
    expect(fieldErrors(bad.error!)).toEqual({ 'questions.0.high': 'Подпись к 10: не длиннее 60 символов' });
  });
});

describe('a link from the mentor’s home into the form', () => {
  const people = [person('ivan', ['mentor']), person('ann', ['mentee']), person('gone', ['mentee'], true)];
  const mentorships = [pair('m1', ['ivan'], ['ann']), pair('m2', ['nina'], ['boris'])];
  const ctx = { people, mentorships, role: 'mentee' as PersonRole, beforeAfter: true };
  it('chooses the respondent, their pair and the phase it names', () => {
    expect(linkedChoice({ respondent: 'ann', mentorship: 'm1', phase: 'end' }, ctx)).toEqual({ respondentId: 'ann', mentorshipId: 'm1', phase: 'end' });
  });
  it('leaves out what does not hold here: a person without the role, a deleted one, a pair they are not in, an unknown phase', () => {
    expect(linkedChoice({ respondent: 'ivan', mentorship: 'm1', phase: 'middle' }, ctx)).toEqual({});
    expect(linkedChoice({ respondent: 'gone' }, ctx)).toEqual({});
    expect(linkedChoice({ respondent: 'ann', mentorship: 'm2' }, ctx)).toEqual({ respondentId: 'ann' });
    expect(linkedChoice({ respondent: 'ann', mentorship: 'm1', phase: 'start' }, { ...ctx, beforeAfter: false })).toEqual({ respondentId: 'ann', mentorshipId: 'm1' });
  });
  it('an empty address chooses nothing', () => {
    expect(linkedChoice({ respondent: null, mentorship: null, phase: null }, ctx)).toEqual({});
  });
});
