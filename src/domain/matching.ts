/**
 * Matching suggestions after the networking meeting: who could mentor whom, with the score and reasons shown to the
 * curator, who accepts, changes or rejects each suggestion.
 *
 * Why stable matching (mentee-proposing deferred acceptance with capacities) and not an optimal assignment
 * (Hungarian, maximum total score): the input is mostly people's own choices, and a stable result is the one a
 * curator can defend — no mentee and mentor would both rather be together than with whom they got, so "why not
 * my first choice?" always has an answer (that mentor's places went to people the mentor ranked higher). A
 * maximum-score assignment may break a mutual first choice to gain points elsewhere, which reads as arbitrary.
 * Mentee-proposing gives each mentee the best partner of any stable matching; the programme exists for mentees.
 * It is also cheap: O(pairs · log) here against O(n³) for Hungarian on 1,500 mentees × 1,500+ repeated mentor
 * places, seconds on a phone. So there is no Hungarian variant; the score still orders everyone nobody chose.
 */
import { computeScores, violations } from './matching/compatibility';
import { DEFAULT_MENTOR_CAPACITY, prepareMatching, type MatchingContext, type MatchingInput } from './matching/context';
import { deferredAcceptance } from './matching/deferredAcceptance';
import {
  breakdownOf,
  higherChoicesNote,
  reasonsFor,
  unmatchedReason,
  violationText,
  type ScoreBreakdown,
  type UnmatchedCode,
} from './matching/explain';
import { buildLists } from './matching/preferenceLists';

export type { MatchingInput, MatchingRules, MatchPerson, ExistingMentorship } from './matching/context';
export { SCORE_WEIGHTS } from './matching/compatibility';
export type { ScoreBreakdown, UnmatchedCode } from './matching/explain';

export interface Suggestion {
  menteeId: string;
  mentorId: string;
  formId: string;
  formName: string;
  score: number;
  breakdown: ScoreBreakdown;
  /** Russian sentences, most telling first. */
  reasons: string[];
}

export interface Unmatched {
  menteeId: string;
  code: UnmatchedCode;
  /** Russian, lower-case, to follow the mentee's name: «Петров Иван — все подходящие наставники (3) заняты…». */
  reason: string;
}

export interface MatchingResult {
  /** Best score first, then by mentee id; a mentor leading a group appears once per mentee. */
  suggestions: Suggestion[];
  /** By mentee id. Mentees already in an active or forming pair/group are neither here nor in `suggestions`. */
  unmatched: Unmatched[];
  /** Mentor id → places still free if every suggestion is accepted (mentors with no place left are omitted). */
  freePlaces: Record<string, number>;
}

function suggestionFor(ctx: MatchingContext, i: number, j: number): Suggestion {
  const breakdown = breakdownOf(ctx, i, j);
  const reasons = reasonsFor(breakdown);
  const note = higherChoicesNote(ctx, i, j);
  if (note) reasons.splice(1, 0, note);
  return {
    menteeId: ctx.mentees[i]!.id,
    mentorId: ctx.mentors[j]!.id,
    formId: breakdown.formId,
    formName: breakdown.formName,
    score: breakdown.total,
    breakdown,
    reasons,
  };
}

/** Same input (in any order) → same output. */
export function suggestMatches(input: MatchingInput): MatchingResult {
  const ctx = prepareMatching(input);
  const scores = computeScores(ctx);
  const lists = buildLists(ctx, scores);
  const matchOf = deferredAcceptance(lists.menteeLists, lists.mentorRankOf, ctx.freePlaces);

  const suggestions: Suggestion[] = [];
  const unmatched: Unmatched[] = [];
  const left = Int32Array.from(ctx.freePlaces);
  ctx.mentees.forEach((e, i) => {
    if (ctx.alreadyMatched[i]) return;
    const j = matchOf[i]!;
    if (j >= 0) {
      suggestions.push(suggestionFor(ctx, i, j));
      left[j]!--;
    } else unmatched.push({ menteeId: e.id, ...unmatchedReason(ctx, i, scores) });
  });
  suggestions.sort((a, b) => b.score - a.score || (a.menteeId < b.menteeId ? -1 : 1));
  const freePlaces: Record<string, number> = {};
  ctx.mentors.forEach((m, j) => {
    if (left[j]! > 0) freePlaces[m.id] = left[j]!;
  });
  return { suggestions, unmatched, freePlaces };
}

/** Every pair's score (-1 = forbidden), row by mentee, people in id order; what the benchmark's baseline times. */
export function scoreMatrix(input: MatchingInput): { menteeIds: string[]; mentorIds: string[]; scores: Int16Array } {
  const ctx = prepareMatching(input);
  return { menteeIds: ctx.mentees.map((p) => p.id), mentorIds: ctx.mentors.map((p) => p.id), scores: computeScores(ctx) };
}

/**
 * The completed preference lists the matching works on (ids, best first), for showing a person's order and for
 * the stability tests. Mentees already matched and mentors without free places have empty lists.
 */
export function preferenceLists(input: MatchingInput): { mentees: Map<string, string[]>; mentors: Map<string, string[]> } {
  const ctx = prepareMatching(input);
  const lists = buildLists(ctx, computeScores(ctx));
  return {
    mentees: new Map(ctx.mentees.map((p, i) => [p.id, Array.from(lists.menteeLists[i]!, (j) => ctx.mentors[j]!.id)])),
    mentors: new Map(ctx.mentors.map((p, j) => [p.id, Array.from(lists.mentorLists[j]!, (i) => ctx.mentees[i]!.id)])),
  };
}

export type PairExplanation =
  | {
      allowed: true;
      score: number;
      breakdown: ScoreBreakdown;
      reasons: string[];
      /** Places left after the existing pairs and groups of `input.existing`. */
      mentorFreePlaces: number;
      /** All the mentor's places («сколько наставляемых может вести»). */
      mentorCapacity: number;
    }
  | { allowed: false; violations: string[] };

/**
 * Score and reasons of any one pair, for when the curator changes a suggestion by hand; or why the pair is not
 * allowed. A mentor with no free places is still allowed here, with `mentorFreePlaces` 0: accepting then needs one
 * more place for the mentor (the screen offers it), never a silent overbooking.
 */
/** `ctx`: the market prepared once by the caller (a screen explaining many picks of one market); built here if not given. */
export function explainPair(input: MatchingInput, menteeId: string, mentorId: string, ctx: MatchingContext = prepareMatching(input)): PairExplanation {
  const i = ctx.menteeIndex.get(menteeId);
  const j = ctx.mentorIndex.get(mentorId);
  if (i === undefined || j === undefined) {
    const missing: string[] = [];
    if (i === undefined) missing.push('Наставляемый не найден среди наставляемых');
    if (j === undefined) missing.push('Наставник не найден среди наставников');
    return { allowed: false, violations: missing };
  }
  const v = violations(ctx, i, j);
  if (v.length) return { allowed: false, violations: v.map((x) => violationText(ctx, i, j, x)) };
  const breakdown = breakdownOf(ctx, i, j);
  return {
    allowed: true,
    score: breakdown.total,
    breakdown,
    reasons: reasonsFor(breakdown),
    mentorFreePlaces: ctx.freePlaces[j]!,
    mentorCapacity: capacityOf(input, mentorId),
  };
}

function capacityOf(input: MatchingInput, mentorId: string): number {
  const c = input.capacities?.[mentorId] ?? input.defaultCapacity ?? DEFAULT_MENTOR_CAPACITY;
  return Number.isFinite(c) ? Math.max(0, Math.floor(c)) : 0;
}

/** Each mentor's places in all and still free after `input.existing` (pairs made and accepted suggestions). */
export function mentorPlaces(input: MatchingInput, ctx: MatchingContext = prepareMatching(input)): Map<string, { capacity: number; free: number }> {
  return new Map(ctx.mentors.map((m, j) => [m.id, { capacity: capacityOf(input, m.id), free: ctx.freePlaces[j]! }]));
}
