import { describe, expect, it } from 'vitest';
import { warningText } from '../../../../src/features/mentorships/MentorshipRow';

describe('a pair’s warning, in Russian', () => {
  it.each([
    [1, 'не встречались 1 день'],
    [2, 'не встречались 2 дня'],
    [21, 'не встречались 21 день'],
    [56, 'не встречались 56 дней'],
  ])('%i days', (days, text) => {
    expect(warningText({ kind: 'notMet', days } as never)).toBe(text);
  });
  it('ends without a dot, so a sentence around it gets exactly one', () => {
    expect(`Внимание: ${warningText({ kind: 'neverMet', days: 34 } as never)}.`).toBe('Внимание: ни одной встречи за 34 дня.');
  });
});
