import type { PersonCategory } from '../person';
import { formOf, SCORE_WEIGHTS, violations, type Violation } from './compatibility';
import type { MatchingContext } from './context';

/** How a pair's score is made up; `total` is the score. Lists hold the mentee's own spelling of each interest. */
export interface ScoreBreakdown {
  /** Position (1…5) the mentee gave the mentor in the questionnaire, null if not chosen. */
  menteeRank: number | null;
  /** Position the mentor gave the mentee, null if not chosen. */
  mentorRank: number | null;
  menteeChoice: number;
  mentorChoice: number;
  mutual: number;
  /** The mentee's interests in which the mentor is competent. */
  competencyMatches: string[];
  /** The mentee's interests the mentor shares (competencies already counted are not repeated). */
  sharedInterests: string[];
  /** Points for both lists above, capped at SCORE_WEIGHTS.interestsCap. */
  interests: number;
  formId: string;
  formName: string;
  total: number;
}

/**
 * The categories in the words of a sentence. The domain imports nothing of the UI's dictionary (docs/ARCHITECTURE.md,
 * «1. Layers»), and these read lower-case inside a reason, unlike the dictionary's labels.
 */
const CATEGORY_WORDS: Record<PersonCategory, string> = {
  student: 'обучающийся',
  teacher: 'педагог',
  parent: 'родитель',
  graduate: 'выпускник',
  partnerRep: 'представитель партнёра',
};

const place = (n: number) => `${n}-е`;

/** The breakdown of an allowed pair (mentee i, mentor j). */
export function breakdownOf(ctx: MatchingContext, i: number, j: number): ScoreBreakdown {
  const nE = ctx.mentees.length;
  const nR = ctx.mentors.length;
  const a = ctx.menteeRank[i * nR + j]!;
  const b = ctx.mentorRank[j * nE + i]!;
  const form = formOf(ctx, i, j);
  const competencyMatches: string[] = [];
  const sharedInterests: string[] = [];
  for (const { key, label } of ctx.menteeInterests[i]!) {
    if (ctx.mentorCompetencies[j]!.has(key)) competencyMatches.push(label);
    else if (ctx.mentorInterests[j]!.has(key)) sharedInterests.push(label);
  }
  const menteeChoice = a ? (SCORE_WEIGHTS.menteeChoice[a - 1] ?? 0) : 0;
  const mentorChoice = b ? (SCORE_WEIGHTS.mentorChoice[b - 1] ?? 0) : 0;
  const mutual = a && b ? SCORE_WEIGHTS.mutual : 0;
  const interests = Math.min(
    SCORE_WEIGHTS.interestsCap,
    competencyMatches.length * SCORE_WEIGHTS.competency + sharedInterests.length * SCORE_WEIGHTS.sharedInterest,
  );
  return {
    menteeRank: a || null,
    mentorRank: b || null,
    menteeChoice,
    mentorChoice,
    mutual,
    competencyMatches,
    sharedInterests,
    interests,
    formId: form?.id ?? '',
    formName: form?.name ?? '',
    total: menteeChoice + mentorChoice + mutual + interests,
  };
}

/** The breakdown in sentences a curator reads under a suggestion. */
export function reasonsFor(b: ScoreBreakdown): string[] {
  const out: string[] = [];
  if (b.menteeRank && b.mentorRank)
    out.push(`Взаимный выбор: наставляемый поставил на ${place(b.menteeRank)} место, наставник — на ${place(b.mentorRank)}`);
  else if (b.menteeRank) out.push(`Наставляемый поставил наставника на ${place(b.menteeRank)} место`);
  else if (b.mentorRank) out.push(`Наставник поставил наставляемого на ${place(b.mentorRank)} место`);
  else out.push('В анкетах друг друга не выбирали: подобраны по совместимости');
  if (b.competencyMatches.length) out.push(`Наставник компетентен в интересах наставляемого: ${b.competencyMatches.join(', ')}`);
  if (b.sharedInterests.length) out.push(`Общие интересы: ${b.sharedInterests.join(', ')}`);
  if (b.formName) out.push(`Форма: ${b.formName}`);
  return out;
}

export function violationText(ctx: MatchingContext, i: number, j: number, v: Violation): string {
  const e = ctx.mentees[i]!;
  const r = ctx.mentors[j]!;
  switch (v) {
    case 'self':
      return 'Это один и тот же человек';
    case 'form':
      return `Нет формы наставничества, где наставник — ${CATEGORY_WORDS[r.category]}, а наставляемый — ${CATEGORY_WORDS[e.category]}`;
    case 'sameClass':
      return `Оба учатся в ${e.classLabel}`;
    case 'grade':
      return `Наставник учится не в старшем классе: ${r.classLabel}, наставляемый — ${e.classLabel}`;
    case 'excluded':
      return 'Куратор отклонил эту пару';
  }
}

/** Short forms of the rules for a list of them in one reason. */
const RULE_WORDS: Record<Exclude<Violation, 'self' | 'form'>, string> = {
  sameClass: 'из одного класса',
  grade: 'наставник не старше по классу',
  excluded: 'пара отклонена куратором',
};

/** Why a mentor the mentee chose did not become the mentee's, in a few words. */
function choiceFate(ctx: MatchingContext, i: number, j: number): string {
  const v = violations(ctx, i, j);
  if (v.includes('self')) return 'это сам наставляемый';
  if (v.includes('form')) return 'не подходит по форме';
  if (v.length) return `исключено правилом (${v.map((x) => RULE_WORDS[x as keyof typeof RULE_WORDS] ?? x).join(', ')})`;
  if (ctx.freePlaces[j]! <= 0) return 'нет свободных мест';
  return 'наставник занят';
}

/**
 * «Выбор на 1-е место: наставник занят; на 2-е: не подходит по форме» — the first question a curator hears is
 * "why not my first choice?". Null when the mentee got their first choice or chose nobody.
 */
export function higherChoicesNote(ctx: MatchingContext, i: number, assigned: number): string | null {
  const nR = ctx.mentors.length;
  const got = ctx.menteeRank[i * nR + assigned]! || Infinity;
  const higher: { pos: number; j: number }[] = [];
  for (let j = 0; j < nR; j++) {
    const pos = ctx.menteeRank[i * nR + j]!;
    if (pos && pos < got) higher.push({ pos, j });
  }
  if (!higher.length) return null;
  higher.sort((a, b) => a.pos - b.pos);
  return higher
    .map(({ pos, j }, k) => `${k === 0 ? 'Выбор на ' : 'на '}${place(pos)} место: ${choiceFate(ctx, i, j)}`)
    .join('; ');
}

export type UnmatchedCode = 'noMentors' | 'noForm' | 'rules' | 'noPlaces' | 'taken';

/** Why mentee i got nobody, most basic cause first. */
export function unmatchedReason(ctx: MatchingContext, i: number, scores: Int16Array): { code: UnmatchedCode; reason: string } {
  const nR = ctx.mentors.length;
  const e = ctx.mentees[i]!;
  let byForm = 0;
  let byRules = 0;
  let withPlaces = 0;
  const ruleKinds = new Set<string>();
  for (let j = 0; j < nR; j++) {
    if (ctx.selfAsMentor[i] === j || !formOf(ctx, i, j)) continue;
    byForm++;
    if (scores[i * nR + j]! < 0) {
      for (const v of violations(ctx, i, j)) if (v in RULE_WORDS) ruleKinds.add(RULE_WORDS[v as keyof typeof RULE_WORDS]);
      continue;
    }
    byRules++;
    if (ctx.freePlaces[j]! > 0) withPlaces++;
  }
  if (nR === 0) return { code: 'noMentors', reason: 'в списке нет наставников' };
  if (nR === 1 && ctx.selfAsMentor[i] === 0) return { code: 'noMentors', reason: 'в списке нет других наставников' };
  if (!byForm)
    return {
      code: 'noForm',
      reason: `нет подходящих наставников по формам наставничества (наставляемый — ${CATEGORY_WORDS[e.category]})`,
    };
  if (!byRules) return { code: 'rules', reason: `все подходящие по форме наставники исключены правилами: ${[...ruleKinds].join(', ')}` };
  if (!withPlaces) return { code: 'noPlaces', reason: `у подходящих наставников (${byRules}) нет свободных мест` };
  return { code: 'taken', reason: `все подходящие наставники (${withPlaces}) заняты: места достались тем, кого они поставили выше` };
}
