import type { MentoringFormRule } from '../mentoringForm';
import { allowedForms } from '../mentoringForm';
import { normalizeClassLabel, PERSON_CATEGORIES, type PersonFields } from '../person';
import { latestPreferences, MAX_RANKED, type PreferenceLike } from '../preference';
import { normalizeText } from '../text';

/** How many mentees a mentor takes when the card does not say: one (a pair). Matching and the card use this one. */
export const DEFAULT_MENTOR_CAPACITY = 1;

export function mentorCapacityOf(p: { mentorCapacity?: number }): number {
  return p.mentorCapacity ?? DEFAULT_MENTOR_CAPACITY;
}

/** What matching needs of a participant; a stored `Person` fits. */
export type MatchPerson = Pick<PersonFields, 'category' | 'classLabel' | 'interests' | 'competencies'> & { id: string };

export interface MatchingRules {
  /** Two students of the same class are never paired (peers from one class rarely work as mentor and mentee). */
  notSameClass?: boolean;
  /** A student mentor must be in a higher grade than a student mentee. */
  mentorInHigherGrade?: boolean;
  /** Pairs the curator rejected: never suggested again. */
  excludedPairs?: readonly { menteeId: string; mentorId: string }[];
}

/** A pair or group that already exists; finished, interrupted and deleted ones are ignored. */
export interface ExistingMentorship {
  mentorIds: readonly string[];
  menteeIds: readonly string[];
  status?: string;
  deleted?: boolean;
}

/**
 * Everything matching reads. An allowed form is always required (no flag turns that off): a pair without a form
 * cannot be fixed by an order. Capacities are totals: places taken by `existing` pairs and groups are subtracted.
 */
export interface MatchingInput {
  mentees: readonly MatchPerson[];
  mentors: readonly MatchPerson[];
  forms: readonly MentoringFormRule[];
  preferences?: readonly PreferenceLike[];
  /** mentor id → how many mentees the mentor will take in all (a group leader: e.g. 5). */
  capacities?: Readonly<Record<string, number>>;
  /** For mentors missing from `capacities`; 1 when not given. */
  defaultCapacity?: number;
  rules?: MatchingRules;
  existing?: readonly ExistingMentorship[];
}

const ACTIVE_STATUSES = new Set(['forming', 'active', undefined]);

/**
 * The prepared market: people sorted by id (so the input's order never matters), ranks as flat typed arrays
 * (1,500 × 200 pairs are scored in one pass), interests normalised once.
 */
export interface MatchingContext {
  mentees: MatchPerson[];
  mentors: MatchPerson[];
  menteeIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
  /** Mentees already in an active or forming pair/group: scored for explanations, but not matched again. */
  alreadyMatched: Uint8Array;
  /** Free places per mentor after existing pairs and groups. */
  freePlaces: Int32Array;
  /** [mentee * nMentors + mentor]: position (1…5) the mentee gave the mentor, 0 if none. */
  menteeRank: Uint8Array;
  /** [mentor * nMentees + mentee]: position the mentor gave the mentee, 0 if none. */
  mentorRank: Uint8Array;
  menteeInterests: { key: string; label: string }[][];
  mentorInterests: Set<string>[];
  mentorCompetencies: Set<string>[];
  rules: MatchingRules;
  /** Precomputed per person, because every rule is checked for every one of the 300,000 pairs of a large school. */
  menteeCategory: Int8Array;
  mentorCategory: Int8Array;
  menteeClass: string[];
  mentorClass: string[];
  /** Grade number, 0 when unknown. */
  menteeGrade: Int8Array;
  mentorGrade: Int8Array;
  /** Mentee index → index of the same person among the mentors, or -1. */
  selfAsMentor: Int32Array;
  /** Excluded pairs as mentee * nMentors + mentor. */
  excluded: Set<number>;
  /** [mentorCategory * N + menteeCategory] → the best allowed form, if any. */
  formTable: (MentoringFormRule | undefined)[];
}

export const N_CATEGORIES = PERSON_CATEGORIES.length;
export const categoryIndex = (c: string) => (PERSON_CATEGORIES as readonly string[]).indexOf(c);

function uniqueById(people: readonly MatchPerson[]): MatchPerson[] {
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.filter((p, i) => i === 0 || sorted[i - 1]!.id !== p.id);
}

/** normalizeText with a memo: a school's interests repeat, and locale-aware lower-casing is slow (ICU). */
function memoNormalize(): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let n = memo.get(s);
    if (n === undefined) memo.set(s, (n = normalizeText(s)));
    return n;
  };
}

export function prepareMatching(input: MatchingInput): MatchingContext {
  const mentees = uniqueById(input.mentees);
  const mentors = uniqueById(input.mentors);
  const nE = mentees.length;
  const nR = mentors.length;
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, i) => [p.id, i]));

  const freePlaces = new Int32Array(nR);
  const defaultCapacity = input.defaultCapacity ?? DEFAULT_MENTOR_CAPACITY;
  mentors.forEach((m, j) => {
    const c = input.capacities?.[m.id] ?? defaultCapacity;
    freePlaces[j] = Number.isFinite(c) ? Math.max(0, Math.floor(c)) : 0;
  });
  const alreadyMatched = new Uint8Array(nE);
  for (const ms of input.existing ?? []) {
    if (ms.deleted || !ACTIVE_STATUSES.has(ms.status)) continue;
    const menteeIds = new Set(ms.menteeIds);
    for (const id of menteeIds) {
      const i = menteeIndex.get(id);
      if (i !== undefined) alreadyMatched[i] = 1;
    }
    for (const id of new Set(ms.mentorIds)) {
      const j = mentorIndex.get(id);
      if (j !== undefined) freePlaces[j] = Math.max(0, freePlaces[j]! - menteeIds.size);
    }
  }

  const menteeRank = new Uint8Array(nE * nR);
  const mentorRank = new Uint8Array(nR * nE);
  for (const p of latestPreferences(input.preferences ?? [])) {
    // Beyond the fifth place the questionnaire has no room; a longer list comes only from outside the form.
    const ranked = p.ranked.slice(0, MAX_RANKED);
    if (p.side === 'mentee') {
      const i = menteeIndex.get(p.personId);
      if (i === undefined) continue;
      ranked.forEach((id, k) => {
        const j = mentorIndex.get(id);
        if (j !== undefined && menteeRank[i * nR + j] === 0) menteeRank[i * nR + j] = k + 1;
      });
    } else {
      const j = mentorIndex.get(p.personId);
      if (j === undefined) continue;
      ranked.forEach((id, k) => {
        const i = menteeIndex.get(id);
        if (i !== undefined && mentorRank[j * nE + i] === 0) mentorRank[j * nE + i] = k + 1;
      });
    }
  }

  const norm = memoNormalize();
  const normalisedSet = (list: readonly string[]) => new Set(list.map(norm).filter(Boolean));
  const menteeInterests = mentees.map((p) => {
    const seen = new Set<string>();
    const out: { key: string; label: string }[] = [];
    for (const label of p.interests) {
      const key = norm(label);
      if (key && !seen.has(key)) {
        seen.add(key);
        out.push({ key, label: label.trim() });
      }
    }
    return out;
  });

  const formTable: (MentoringFormRule | undefined)[] = [];
  for (const r of PERSON_CATEGORIES)
    for (const e of PERSON_CATEGORIES) formTable.push(allowedForms({ category: r }, { category: e }, input.forms)[0]);
  const excluded = new Set<number>();
  for (const p of input.rules?.excludedPairs ?? []) {
    const i = menteeIndex.get(p.menteeId);
    const j = mentorIndex.get(p.mentorId);
    if (i !== undefined && j !== undefined) excluded.add(i * nR + j);
  }

  return {
    mentees,
    mentors,
    menteeIndex,
    mentorIndex,
    alreadyMatched,
    freePlaces,
    menteeRank,
    mentorRank,
    menteeInterests,
    mentorInterests: mentors.map((p) => normalisedSet(p.interests)),
    mentorCompetencies: mentors.map((p) => normalisedSet(p.competencies)),
    rules: input.rules ?? {},
    menteeCategory: Int8Array.from(mentees, (p) => categoryIndex(p.category)),
    mentorCategory: Int8Array.from(mentors, (p) => categoryIndex(p.category)),
    menteeClass: mentees.map((p) => normalizeClassLabel(p.classLabel ?? '')),
    mentorClass: mentors.map((p) => normalizeClassLabel(p.classLabel ?? '')),
    menteeGrade: Int8Array.from(mentees, (p) => gradeOf(p.classLabel ?? '') ?? 0),
    mentorGrade: Int8Array.from(mentors, (p) => gradeOf(p.classLabel ?? '') ?? 0),
    selfAsMentor: Int32Array.from(mentees, (p) => mentorIndex.get(p.id) ?? -1),
    excluded,
    formTable,
  };
}

/** «7Б» → 7; undefined when the class is not a grade number, so that an unknown grade never forbids a pair. */
export function gradeOf(classLabel: string): number | undefined {
  const m = /^\s*(\d{1,2})/.exec(classLabel);
  return m ? Number(m[1]) : undefined;
}
