import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explainPair,
  preferenceLists,
  scoreMatrix,
  suggestMatches,
  type MatchingInput,
  type MatchingResult,
  type MatchPerson,
} from '../../../src/domain/matching';
import { allowedForms, DEFAULT_MENTORING_FORMS } from '../../../src/domain/mentoringForm';
import { normalizeClassLabel, type PersonCategory } from '../../../src/domain/person';
import type { PreferenceLike } from '../../../src/domain/preference';

// Small markets, so that failures shrink to something readable and a brute force can check optimality.
const INTERESTS = ['шахматы', 'Шахматы', 'робототехника', 'лёгкая атлетика', 'легкая атлетика', 'театр'];
const CLASSES = ['7А', '7 а', '8Б', '9А', ''];

const personArb = (id: string, categories: PersonCategory[]) =>
  fc.record({
    id: fc.constant(id),
    category: fc.constantFrom(...categories),
    classLabel: fc.constantFrom(...CLASSES),
    interests: fc.subarray(INTERESTS, { maxLength: 3 }),
    competencies: fc.subarray(INTERESTS, { maxLength: 2 }),
  });

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** fc.subarray refuses a maxLength above the array's length; small markets are often shorter. */
const upTo = <T,>(xs: T[], max: number, min = 0) => fc.subarray(xs, { minLength: Math.min(min, xs.length), maxLength: Math.min(max, xs.length) });

const marketArb = (maxMentees: number, maxMentors: number): fc.Arbitrary<MatchingInput> =>
  fc
    .record({ nE: fc.integer({ min: 0, max: maxMentees }), nR: fc.integer({ min: 0, max: maxMentors }), overlap: fc.boolean() })
    .chain(({ nE, nR, overlap }) => {
      const menteeIds = range(nE).map((i) => `e${i}`);
      const mentorIds = range(nR).map((j) => `r${j}`);
      const mentees = fc.tuple(...menteeIds.map((id) => personArb(id, ['student', 'student', 'teacher', 'graduate', 'parent'])));
      const mentors = fc.tuple(...mentorIds.map((id) => personArb(id, ['student', 'teacher', 'teacher', 'partnerRep', 'graduate'])));
      const rankedOf = (pool: string[]) => fc.shuffledSubarray([...pool, 'ghost'], { maxLength: Math.min(5, pool.length + 1) });
      const prefs = fc.tuple(
        ...menteeIds.map((id) => fc.option(rankedOf(mentorIds).map((ranked): PreferenceLike => ({ personId: id, side: 'mentee', ranked })))),
        ...mentorIds.map((id) => fc.option(rankedOf(menteeIds).map((ranked): PreferenceLike => ({ personId: id, side: 'mentor', ranked })))),
      );
      const allPairs = menteeIds.flatMap((menteeId) => mentorIds.map((mentorId) => ({ menteeId, mentorId })));
      return fc.record({
        mentees,
        mentors,
        prefs,
        capacities: fc.tuple(...mentorIds.map(() => fc.integer({ min: 0, max: 3 }))),
        defaultCapacity: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        rules: fc.record({
          notSameClass: fc.boolean(),
          mentorInHigherGrade: fc.boolean(),
          excludedPairs: upTo(allPairs, 2),
        }),
        existing: fc.array(
          fc.record({
            mentorIds: upTo(mentorIds, 1, 1),
            menteeIds: upTo(menteeIds, 2),
            status: fc.constantFrom('forming', 'active', 'finished', 'interrupted'),
          }),
          { maxLength: 2 },
        ),
        someCapacities: fc.boolean(),
      }).map((m): MatchingInput => {
        const mentorPeople: MatchPerson[] = [...m.mentors];
        // A person who is both mentee and mentor (roles: both) must never be paired with themselves.
        if (overlap && m.mentees.length) mentorPeople.push(m.mentees[0]!);
        return {
          mentees: m.mentees,
          mentors: mentorPeople,
          forms: DEFAULT_MENTORING_FORMS,
          preferences: m.prefs.filter((p): p is PreferenceLike => p !== null),
          capacities: m.someCapacities ? Object.fromEntries(mentorIds.map((id, j) => [id, m.capacities[j]!])) : undefined,
          defaultCapacity: m.defaultCapacity,
          rules: m.rules,
          existing: m.existing,
        };
      });
    });

const isActive = (s: string | undefined) => s === undefined || s === 'forming' || s === 'active';

/** Written from the specification, not from the code: capacity minus the mentees of active/forming pairs. */
function freePlacesOf(input: MatchingInput, mentorId: string): number {
  const cap = input.capacities?.[mentorId] ?? input.defaultCapacity ?? 1;
  const load = (input.existing ?? [])
    .filter((m) => isActive(m.status) && m.mentorIds.includes(mentorId))
    .reduce((n, m) => n + new Set(m.menteeIds).size, 0);
  return Math.max(0, cap - load);
}

const alreadyMatched = (input: MatchingInput, menteeId: string) =>
  (input.existing ?? []).some((m) => isActive(m.status) && m.menteeIds.includes(menteeId));

function allowedPair(input: MatchingInput, e: MatchPerson, r: MatchPerson): boolean {
  if (e.id === r.id || allowedForms(r, e, input.forms).length === 0) return false;
  const rules = input.rules ?? {};
  const students = e.category === 'student' && r.category === 'student';
  if (rules.notSameClass && students && e.classLabel && normalizeClassLabel(e.classLabel) === normalizeClassLabel(r.classLabel)) return false;
  const grade = (c: string) => (/^\d+/.exec(c.trim()) ? parseInt(c, 10) : undefined);
  const [ge, gr] = [grade(e.classLabel), grade(r.classLabel)];
  if (rules.mentorInHigherGrade && students && ge !== undefined && gr !== undefined && gr <= ge) return false;
  return !(rules.excludedPairs ?? []).some((p) => p.menteeId === e.id && p.mentorId === r.id);
}

const assignment = (r: MatchingResult) => new Map(r.suggestions.map((s) => [s.menteeId, s.mentorId]));

/** No mentee and mentor on each other's completed lists both prefer each other to what they got. */
function expectStable(input: MatchingInput, result: MatchingResult) {
  const lists = preferenceLists(input);
  const got = assignment(result);
  const held = new Map<string, string[]>();
  for (const [e, r] of got) held.set(r, [...(held.get(r) ?? []), e]);
  for (const [e, list] of lists.mentees) {
    const mine = got.get(e);
    const upTo = mine === undefined ? list.length : list.indexOf(mine);
    expect(upTo).toBeGreaterThanOrEqual(0);
    for (const r of list.slice(0, upTo)) {
      const rList = lists.mentors.get(r)!;
      const h = held.get(r) ?? [];
      expect(h.length, `${r} has room for ${e}, who prefers ${r}`).toBe(freePlacesOf(input, r));
      for (const x of h) expect(rList.indexOf(x), `${r} prefers ${e} to ${x}`).toBeLessThan(rList.indexOf(e));
    }
  }
}

const shuffled = <T,>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

describe('suggestMatches: properties', () => {
  it('respects capacity, pairs each mentee at most once and only allowed pairs, and accounts for everyone', () => {
    fc.assert(
      fc.property(marketArb(8, 5), (input) => {
        const result = suggestMatches(input);
        const perMentor = new Map<string, number>();
        const seen = new Set<string>();
        const people = new Map(input.mentors.map((p) => [p.id, p]));
        const mentees = new Map(input.mentees.map((p) => [p.id, p]));
        for (const s of result.suggestions) {
          expect(seen.has(s.menteeId)).toBe(false);
          seen.add(s.menteeId);
          perMentor.set(s.mentorId, (perMentor.get(s.mentorId) ?? 0) + 1);
          const e = mentees.get(s.menteeId)!;
          const r = people.get(s.mentorId)!;
          expect(allowedPair(input, e, r)).toBe(true);
          expect(alreadyMatched(input, e.id)).toBe(false);
          expect(s.formId).toBe(allowedForms(r, e, input.forms)[0]!.id);
        }
        for (const [r, n] of perMentor) expect(n).toBeLessThanOrEqual(freePlacesOf(input, r));
        for (const u of result.unmatched) {
          expect(seen.has(u.menteeId)).toBe(false);
          seen.add(u.menteeId);
          expect(u.reason).not.toBe('');
        }
        for (const id of mentees.keys()) expect(seen.has(id)).toBe(!alreadyMatched(input, id));
      }),
      { numRuns: 300 },
    );
  });

  it('is stable with respect to the completed preference lists', () => {
    fc.assert(
      fc.property(marketArb(8, 5), (input) => expectStable(input, suggestMatches(input))),
      { numRuns: 300 },
    );
  });

  it('gives every mentee the best partner of any stable matching (checked by brute force)', () => {
    fc.assert(
      fc.property(marketArb(5, 3), (input) => {
        const lists = preferenceLists(input);
        const menteeIds = [...lists.mentees.keys()];
        const got = assignment(suggestMatches(input));
        const pos = (e: string, r: string | undefined) => (r === undefined ? Infinity : lists.mentees.get(e)!.indexOf(r));
        const rank = (r: string, e: string) => lists.mentors.get(r)!.indexOf(e);
        const current = new Map<string, string>();
        const load = new Map<string, number>();
        const isStable = () =>
          menteeIds.every((e) =>
            lists.mentees
              .get(e)!
              .slice(0, pos(e, current.get(e)) === Infinity ? undefined : pos(e, current.get(e)))
              .every((r) => {
                const h = [...current].filter(([, m]) => m === r).map(([x]) => x);
                return h.length >= freePlacesOf(input, r) && h.every((x) => rank(r, x) < rank(r, e));
              }),
          );
        let stableCount = 0;
        const walk = (k: number) => {
          if (k === menteeIds.length) {
            if (!isStable()) return;
            stableCount++;
            for (const e of menteeIds) expect(pos(e, got.get(e))).toBeLessThanOrEqual(pos(e, current.get(e)));
            return;
          }
          const e = menteeIds[k]!;
          walk(k + 1);
          for (const r of lists.mentees.get(e)!) {
            if ((load.get(r) ?? 0) >= freePlacesOf(input, r)) continue;
            current.set(e, r);
            load.set(r, (load.get(r) ?? 0) + 1);
            walk(k + 1);
            load.set(r, load.get(r)! - 1);
            current.delete(e);
          }
        };
        walk(0);
        expect(stableCount).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('completes each list: own choices, then those who chose you, then the rest by score and id', () => {
    fc.assert(
      fc.property(marketArb(6, 4), (input) => {
        const lists = preferenceLists(input);
        const { menteeIds, mentorIds, scores } = scoreMatrix(input);
        const score = (e: string, r: string) => scores[menteeIds.indexOf(e) * mentorIds.length + mentorIds.indexOf(r)]!;
        const ranked = (side: 'mentee' | 'mentor', id: string) =>
          (input.preferences ?? []).find((p) => p.side === side && p.personId === id)?.ranked ?? [];
        const byMentee = new Map(input.mentees.map((p) => [p.id, p]));
        const byMentor = new Map(input.mentors.map((p) => [p.id, p]));
        for (const e of menteeIds) {
          const acceptable = mentorIds.filter(
            (r) => !alreadyMatched(input, e) && freePlacesOf(input, r) > 0 && allowedPair(input, byMentee.get(e)!, byMentor.get(r)!),
          );
          const own = ranked('mentee', e).filter((r) => acceptable.includes(r));
          const rest = (pool: string[]) => pool.sort((a, b) => score(e, b) - score(e, a) || (a < b ? -1 : 1));
          const choseMe = rest(acceptable.filter((r) => !own.includes(r) && ranked('mentor', r).includes(e)));
          const others = rest(acceptable.filter((r) => !own.includes(r) && !choseMe.includes(r)));
          expect(lists.mentees.get(e)).toEqual([...own, ...choseMe, ...others]);
          for (const r of acceptable) expect(lists.mentors.get(r)).toContain(e);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('scores add up, every suggestion explains itself, and explainPair agrees with the score matrix', () => {
    fc.assert(
      fc.property(marketArb(8, 5), (input) => {
        for (const s of suggestMatches(input).suggestions) {
          const b = s.breakdown;
          expect(b.menteeChoice + b.mentorChoice + b.mutual + b.interests).toBe(s.score);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(s.reasons.at(-1)).toBe(`Форма: ${s.formName}`);
        }
        // The explanation a curator sees for a hand-picked pair agrees with the matrix matching used.
        const { menteeIds, mentorIds, scores } = scoreMatrix(input);
        menteeIds.forEach((e, i) =>
          mentorIds.forEach((r, j) => {
            const x = explainPair(input, e, r);
            const score = scores[i * mentorIds.length + j]!;
            expect(x.allowed ? x.score : -1).toBe(score);
            if (!x.allowed) expect(x.violations.length).toBeGreaterThan(0);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and ignores the order of its input', () => {
    const withShuffles = marketArb(8, 5).chain((input) =>
      fc.record({
        input: fc.constant(input),
        mentees: shuffled(input.mentees),
        mentors: shuffled(input.mentors),
        preferences: shuffled(input.preferences ?? []),
        forms: shuffled(input.forms),
        existing: shuffled(input.existing ?? []),
      }),
    );
    fc.assert(
      fc.property(withShuffles, ({ input, ...order }) => {
        const once = suggestMatches(input);
        expect(suggestMatches(input)).toEqual(once);
        expect(suggestMatches({ ...input, ...order })).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
