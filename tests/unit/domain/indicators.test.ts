import { describe, expect, it } from 'vitest';
import { isMet, mentorShares, share } from '../../../src/domain/indicators';
import type { Person } from '../../../src/domain/person';

const p = (category: Person['category'], roles: Person['roles'], deleted = false) => ({ category, roles, deleted }) as Person;

describe('mentor shares', () => {
  it('counts live mentors per group against the school totals', () => {
    const people = [
      p('student', ['mentor']),
      p('student', ['mentor', 'mentee']),
      p('student', ['mentee']),
      p('student', ['mentor'], true),
      p('teacher', ['mentor']),
      p('parent', ['mentor']),
    ];
    const s = mentorShares(people, { studentsTotal: 20, teachersTotal: 12 });
    expect(s.students.numerator).toBe(2);
    expect(share(s.students)).toBe(0.1);
    expect(isMet(s.students)).toBe(true);
    expect(s.teachers.numerator).toBe(1);
    expect(isMet(s.teachers)).toBe(false);
  });
  it('has no share without a denominator', () => {
    expect(share({ id: 'x', numerator: 1, denominator: 0, target: 0.1 })).toBeNull();
    expect(isMet({ id: 'x', numerator: 1, denominator: 0, target: 0.1 })).toBe(false);
  });
});
