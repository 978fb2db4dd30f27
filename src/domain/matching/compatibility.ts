import type { MentoringFormRule } from '../mentoringForm';
import { categoryIndex, N_CATEGORIES, type MatchingContext } from './context';

/**
 * Compatibility of a mentee and a mentor: the rules that forbid a pair, and the score of an allowed one. Both run
 * for every pair of the market (300,000 in a large school), so they read the context's precomputed arrays.
 */

export type Violation = 'self' | 'form' | 'sameClass' | 'grade' | 'excluded';

/** Scoring weights: a perfect pair scores 100. */
export const SCORE_WEIGHTS = {
  /** The mentee's choice, by position 1…5: it weighs most, the programme serves the mentee. */
  menteeChoice: [40, 32, 24, 16, 8],
  /** The mentor's choice, by position 1…5. */
  mentorChoice: [30, 24, 18, 12, 6],
  /** Both chose each other: such pairs are the ones that last. */
  mutual: 10,
  /** A mentee's interest in which the mentor is competent. */
  competency: 6,
  /** A mentee's interest the mentor shares. */
  sharedInterest: 4,
  /** Interests only order the people nobody chose; they never outweigh a single choice. */
  interestsCap: 20,
} as const;

/** The form a pair would get, if any. */
export function formOf(ctx: MatchingContext, i: number, j: number): MentoringFormRule | undefined {
  const r = ctx.mentorCategory[j]!;
  const e = ctx.menteeCategory[i]!;
  return r < 0 || e < 0 ? undefined : ctx.formTable[r * N_CATEGORIES + e];
}

const STUDENT = categoryIndex('student');

/** Why mentee i and mentor j may not be paired; empty when they may. Capacity is not a rule: see `freePlaces`. */
export function violations(ctx: MatchingContext, i: number, j: number): Violation[] {
  if (ctx.selfAsMentor[i] === j) return ['self'];
  const out: Violation[] = [];
  if (!formOf(ctx, i, j)) out.push('form');
  const bothStudents = ctx.menteeCategory[i] === STUDENT && ctx.mentorCategory[j] === STUDENT;
  if (ctx.rules.notSameClass && bothStudents && ctx.menteeClass[i] && ctx.menteeClass[i] === ctx.mentorClass[j]) out.push('sameClass');
  if (ctx.rules.mentorInHigherGrade && bothStudents) {
    const ge = ctx.menteeGrade[i]!;
    const gr = ctx.mentorGrade[j]!;
    if (ge && gr && gr <= ge) out.push('grade');
  }
  if (ctx.excluded.has(i * ctx.mentors.length + j)) out.push('excluded');
  return out;
}

/** `violations(…).length > 0` without allocating: it runs for every pair. */
function forbidden(ctx: MatchingContext, i: number, j: number): boolean {
  if (ctx.selfAsMentor[i] === j || !formOf(ctx, i, j)) return true;
  if (ctx.menteeCategory[i] === STUDENT && ctx.mentorCategory[j] === STUDENT) {
    if (ctx.rules.notSameClass && ctx.menteeClass[i] && ctx.menteeClass[i] === ctx.mentorClass[j]) return true;
    if (ctx.rules.mentorInHigherGrade && ctx.menteeGrade[i] && ctx.mentorGrade[j] && ctx.mentorGrade[j]! <= ctx.menteeGrade[i]!) return true;
  }
  return ctx.excluded.size > 0 && ctx.excluded.has(i * ctx.mentors.length + j);
}

/** Points for a position 1…5 (0 = not chosen). */
const pointsFor = (table: readonly number[], position: number) => (position > 0 ? (table[position - 1] ?? 0) : 0);

/** The score of an allowed pair; -1 for a forbidden one. Kept allocation-free: it runs for every pair. */
export function pairScore(ctx: MatchingContext, i: number, j: number): number {
  if (forbidden(ctx, i, j)) return -1;
  const nE = ctx.mentees.length;
  const nR = ctx.mentors.length;
  const a = ctx.menteeRank[i * nR + j]!;
  const b = ctx.mentorRank[j * nE + i]!;
  let score = pointsFor(SCORE_WEIGHTS.menteeChoice, a) + pointsFor(SCORE_WEIGHTS.mentorChoice, b);
  if (a && b) score += SCORE_WEIGHTS.mutual;
  let interests = 0;
  const comp = ctx.mentorCompetencies[j]!;
  const shared = ctx.mentorInterests[j]!;
  for (const { key } of ctx.menteeInterests[i]!) {
    if (comp.has(key)) interests += SCORE_WEIGHTS.competency;
    else if (shared.has(key)) interests += SCORE_WEIGHTS.sharedInterest;
  }
  return score + Math.min(interests, SCORE_WEIGHTS.interestsCap);
}

/** Every pair's score, row by mentee: [mentee * nMentors + mentor], -1 where the pair is forbidden. */
export function computeScores(ctx: MatchingContext): Int16Array {
  const nE = ctx.mentees.length;
  const nR = ctx.mentors.length;
  const scores = new Int16Array(nE * nR);
  for (let i = 0; i < nE; i++) for (let j = 0; j < nR; j++) scores[i * nR + j] = pairScore(ctx, i, j);
  return scores;
}

