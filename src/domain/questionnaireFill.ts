import type { MentorshipFields } from './mentorship';
import type { PersonFields, PersonRole } from './person';
import type { Phase, ResponseFields } from './questionnaire';

/**
 * What the fill form can choose by itself, so that a respondent on a phone taps only what is theirs to say: the
 * pair when there is just one it can be, the respondent when only one person can answer, and the phase when the
 * respondent's own earlier answers say it. Nothing is guessed where two answers are possible.
 */

type PairLike = { id: string; deleted?: boolean } & Pick<MentorshipFields, 'mentorIds' | 'menteeIds' | 'status'>;
type PersonLike = { id: string; deleted?: boolean } & Pick<PersonFields, 'roles'>;

/** A pair or group that is still working: forming or active, not deleted. */
export const isLivePair = (m: Pick<PairLike, 'status' | 'deleted'>): boolean => !m.deleted && (m.status === 'forming' || m.status === 'active');

const hasMember = (m: PairLike, personId: string) => m.mentorIds.includes(personId) || m.menteeIds.includes(personId);

/** The respondent's pairs and groups to choose from (as mentor or mentee): the live ones first, then ended ones; deleted ones never. */
export function respondentPairs<M extends PairLike>(mentorships: readonly M[], personId: string): M[] {
  if (!personId) return [];
  const theirs = mentorships.filter((m) => !m.deleted && hasMember(m, personId));
  return [...theirs.filter(isLivePair), ...theirs.filter((m) => !isLivePair(m))];
}

/** The pair to choose by itself: the respondent's only live pair or group; '' when they have none or several. */
export function preselectedPair(mentorships: readonly PairLike[], personId: string): string {
  if (!personId) return '';
  const live = mentorships.filter((m) => isLivePair(m) && hasMember(m, personId));
  return live.length === 1 ? live[0]!.id : '';
}

/** The only person who can answer a questionnaire for this role (one live person has the role), or null. */
export function soleRespondent(people: readonly PersonLike[], role: PersonRole): string | null {
  const withRole = people.filter((p) => !p.deleted && p.roles.includes(role));
  return withRole.length === 1 ? withRole[0]!.id : null;
}

/**
 * The phase to choose by itself for a before/after questionnaire: «конец года» when the respondent has answered
 * at the start and not yet at the end; «начало года» when they have not answered at all and nobody has answered
 * at the end yet (the school is still at the start); otherwise nothing — the respondent chooses.
 */
export function suggestedPhase(responses: readonly Pick<ResponseFields, 'respondentId' | 'phase'>[], personId: string): Extract<Phase, 'start' | 'end'> | '' {
  if (!personId) return '';
  const theirs = responses.filter((r) => r.respondentId === personId);
  const has = (p: Phase) => theirs.some((r) => r.phase === p);
  if (has('start') && !has('end')) return 'end';
  if (theirs.length === 0 && !responses.some((r) => r.phase === 'end')) return 'start';
  return '';
}

/** The respondents chosen on this device, newest first, without repeats, at most `max`. */
export function rememberRespondent(recent: readonly string[], personId: string, max = 5): string[] {
  return [personId, ...recent.filter((x) => x !== personId)].slice(0, max);
}

/**
 * One-tap choices under «Кто отвечает»: who uses this device (if they have the role), then the respondents chosen
 * here before; only live people with the role, not the one already chosen, and not those who have nothing left to
 * answer (both phases of a before/after questionnaire, or the single answer of another one). Not pre-selected:
 * on a curator's phone the next respondent is usually someone else.
 */
export function quickRespondents(input: {
  me: string | null;
  recent: readonly string[];
  people: readonly PersonLike[];
  role: PersonRole;
  responses: readonly Pick<ResponseFields, 'respondentId' | 'phase'>[];
  beforeAfter: boolean;
  chosen: string;
  max?: number;
}): string[] {
  const { me, recent, people, role, responses, beforeAfter, chosen, max = 3 } = input;
  const eligible = new Set(people.filter((p) => !p.deleted && p.roles.includes(role)).map((p) => p.id));
  const done = (id: string) => {
    const phases = new Set(responses.filter((r) => r.respondentId === id).map((r) => r.phase));
    return beforeAfter ? phases.has('start') && phases.has('end') : phases.size > 0;
  };
  const out: string[] = [];
  for (const id of [...(me ? [me] : []), ...recent]) {
    if (out.length >= max) break;
    if (id !== chosen && eligible.has(id) && !out.includes(id) && !done(id)) out.push(id);
  }
  return out;
}

const numbers = (ns: readonly number[]) => (ns.length === 1 ? String(ns[0]) : `${ns.slice(0, -1).join(', ')} и ${ns[ns.length - 1]}`);

/**
 * One line for the bottom of the form saying what keeps it from being saved, so the respondent sees it next to
 * the button: the form's own messages, then which question — «Вопрос 2: выберите оценку от 1 до 10» when it is
 * one, «Ответьте на вопросы 2, 3 и 5» when several. '' when nothing is wrong.
 */
export function fillProblems(q: { questions: readonly { id: string }[] }, errors: Readonly<Record<string, string>>): string {
  const questionIds = new Set(q.questions.map((x) => x.id));
  const general = Object.entries(errors)
    .filter(([k]) => !questionIds.has(k))
    .map(([, m]) => m.replace(/[.]?$/, '.'));
  const wrong = q.questions.flatMap((x, i) => (errors[x.id] ? [{ n: i + 1, message: errors[x.id]! }] : []));
  const about = wrong.length === 1 ? `${wrong[0]!.message}.` : wrong.length > 1 ? `Ответьте на вопросы ${numbers(wrong.map((w) => w.n))}.` : '';
  return [...general, about].filter(Boolean).join(' ');
}

/**
 * What a link into the form chooses (the mentor's home links «Анкеты» as `?respondent=&mentorship=&phase=`): only
 * what holds on this device — a respondent who has the questionnaire's role, a pair or group they are in, a phase
 * the questionnaire has. Anything else in the address is left out, and the form asks as usual.
 */
export function linkedChoice(
  params: { respondent?: string | null; mentorship?: string | null; phase?: string | null },
  ctx: { people: readonly PersonLike[]; mentorships: readonly PairLike[]; role: PersonRole; beforeAfter: boolean },
): { respondentId?: string; mentorshipId?: string; phase?: Extract<Phase, 'start' | 'end'> } {
  const out: { respondentId?: string; mentorshipId?: string; phase?: Extract<Phase, 'start' | 'end'> } = {};
  const person = params.respondent ? ctx.people.find((p) => p.id === params.respondent && !p.deleted && p.roles.includes(ctx.role)) : undefined;
  if (person) {
    out.respondentId = person.id;
    if (params.mentorship && respondentPairs(ctx.mentorships, person.id).some((m) => m.id === params.mentorship)) out.mentorshipId = params.mentorship;
  }
  if (ctx.beforeAfter && (params.phase === 'start' || params.phase === 'end')) out.phase = params.phase;
  return out;
}
