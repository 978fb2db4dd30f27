import type { Person } from './person';
import type { SchoolFields } from './school';

/** One indicator as data: numerator, denominator, target share. Issue 5 extends this to the whole roadmap. */
export interface ShareIndicator {
  id: string;
  numerator: number;
  denominator: number;
  /** Target share, 0–1. */
  target: number;
}

export function share(i: ShareIndicator): number | null {
  return i.denominator > 0 ? i.numerator / i.denominator : null;
}

export function isMet(i: ShareIndicator): boolean {
  const s = share(i);
  return s !== null && s >= i.target;
}

/** The roadmap's first two: mentors among students and among teachers, ≥ 10 % of each group of the school. */
export function mentorShares(people: readonly Person[], school: Pick<SchoolFields, 'studentsTotal' | 'teachersTotal'>) {
  const live = people.filter((p) => !p.deleted && p.roles.includes('mentor'));
  return {
    students: {
      id: 'mentorsAmongStudents',
      numerator: live.filter((p) => p.category === 'student').length,
      denominator: school.studentsTotal,
      target: 0.1,
    },
    teachers: {
      id: 'mentorsAmongTeachers',
      numerator: live.filter((p) => p.category === 'teacher').length,
      denominator: school.teachersTotal,
      target: 0.1,
    },
  } satisfies Record<string, ShareIndicator>;
}
