import { isValidConsent } from './consent';
import { programParticipants } from './consentStatus';
import { ageOn, type IsoDate } from './dates';
import type { PersonFields } from './person';
import { groupBy } from './collections';
import { planProgress, PLAN_PROBLEM_THRESHOLD, type PlanItemFields } from './plan';

/**
 * The monitoring's indicators as data (issue 5): each with its numerator and denominator, target, the date by
 * which the roadmap wants it, and the records behind the number, so a dashboard can show and drill down and a
 * municipality's form can be matched without code changes. Pure: the caller passes live (not deleted) records.
 */
export type IndicatorId =
  | 'mentorsAmongStudents'
  | 'mentorsAmongTeachers'
  | 'partnersWithMentors'
  | 'consents'
  | 'plansAt90'
  | 'finalEvent'
  | 'studentsInvolved';

export type IndicatorStatus = 'met' | 'atRisk' | 'notMet' | 'noData';

export interface Indicator {
  id: IndicatorId;
  title: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, or null when the denominator is 0. */
  value: number | null;
  /** Target share, 0–1. */
  target: number;
  /** The last day by which the target should be met; '' for the whole year. */
  deadline: IsoDate;
  status: IndicatorStatus;
  /** Ids of the records that are not yet counted (who lacks a consent, which plans are under 90 %…). */
  missing: string[];
  /**
   * What the denominator counts: all students or all teachers of the school (as its profile states them — one
   * denominator for every share of «all students»), or the app's own records (partners, participants, plans…).
   */
  basis: 'schoolStudents' | 'schoolTeachers' | 'records';
}

/** The roadmap's targets; the school may change them (kept as data, id → share). */
export const DEFAULT_TARGETS: Record<IndicatorId, number> = {
  mentorsAmongStudents: 0.1,
  mentorsAmongTeachers: 0.1,
  partnersWithMentors: 0.02,
  consents: 1,
  plansAt90: 1,
  finalEvent: 0.9,
  studentsInvolved: 0.7,
};

/**
 * Met when the value reaches the target; below it, «at risk» until the deadline (or all year when there is none)
 * and «not met» after it. No denominator: no data.
 */
export function indicatorStatus(value: number | null, target: number, deadline: IsoDate, today: IsoDate): IndicatorStatus {
  if (value === null) return 'noData';
  if (value >= target - 1e-9) return 'met';
  return deadline && today > deadline ? 'notMet' : 'atRisk';
}

type P = { id: string } & Pick<PersonFields, 'category' | 'roles' | 'partnerId' | 'birthDate'>;

export interface MonitoringInput {
  today: IsoDate;
  academicYear: string;
  school: { studentsTotal: number; teachersTotal: number; consentAge: number };
  people: readonly P[];
  partners: readonly { id: string }[];
  consents: readonly { personId: string; signer: 'self' | 'representative'; signedOn: string; withdrawnOn: string }[];
  mentorships: readonly { id: string; mentorIds: readonly string[]; menteeIds: readonly string[]; status: string }[];
  plans: readonly { id: string; mentorshipId: string }[];
  planItems: readonly ({ planId: string } & Pick<PlanItemFields, 'status' | 'dueDate'>)[];
  events: readonly { kind: string; attendeeIds: readonly string[] }[];
  targets?: Partial<Record<IndicatorId, number>>;
  /**
   * People whose personal data has been destroyed (issue 12): their anonymous records still count where the rules
   * keep them (a pair existed, it met), but no consent is asked of them — its processing has stopped.
   */
  erasedPersonIds?: ReadonlySet<string>;
}

const TITLES: Record<IndicatorId, string> = {
  mentorsAmongStudents: 'Наставники среди обучающихся',
  mentorsAmongTeachers: 'Наставники среди педагогов',
  partnersWithMentors: 'Партнёры, предоставившие наставников',
  consents: 'Участники с согласием на обработку данных',
  plansAt90: 'Индивидуальные планы, выполненные на 90 % и более',
  finalEvent: 'Участники пар и групп на итоговой деловой игре',
  studentsInvolved: 'Обучающиеся 10–18 лет, вовлечённые в наставничество',
};

/**
 * What each target is a share of, in words that follow «цель: 2 %»: the indicator's denominator as computed below.
 * The partners' 2 % is a share of the partner organisations entered in the app — those with at least one
 * representative who is a mentor, over all of them — not of the school's mentors or people.
 */
export const INDICATOR_BASES: Record<IndicatorId, string> = {
  mentorsAmongStudents: 'от всех обучающихся школы',
  mentorsAmongTeachers: 'от всех педагогов школы',
  partnersWithMentors: 'от числа организаций-партнёров',
  consents: 'от числа участников программы',
  plansAt90: 'от числа индивидуальных планов действующих пар и групп',
  finalEvent: 'от числа участников пар и групп',
  studentsInvolved: 'от всех обучающихся школы',
};

/** «цель: 2 % от числа организаций-партнёров», the share written as the screens write it (`pct`). */
export function targetWording(i: Pick<Indicator, 'id' | 'target'>, pct: (share: number) => string): string {
  return `цель: ${pct(i.target)} ${INDICATOR_BASES[i.id]}`;
}

export function computeIndicators(input: MonitoringInput): Indicator[] {
  const y0 = Number(input.academicYear.slice(0, 4));
  const deadlines: Record<IndicatorId, IsoDate> = {
    mentorsAmongStudents: '',
    mentorsAmongTeachers: '',
    partnersWithMentors: `${y0}-10-31`,
    consents: `${y0}-10-31`,
    plansAt90: `${y0 + 1}-05-31`,
    finalEvent: `${y0 + 1}-05-31`,
    studentsInvolved: '',
  };
  const active = input.mentorships.filter((m) => m.status === 'forming' || m.status === 'active' || m.status === 'finished');
  const inPairs = new Set(active.flatMap((m) => [...m.mentorIds, ...m.menteeIds]));
  const mentors = input.people.filter((p) => p.roles.includes('mentor'));
  const participants = programParticipants(input.people, input.mentorships);
  const erased = input.erasedPersonIds;
  const consentBase = erased?.size ? participants.filter((p) => !erased.has(p.id)) : participants;
  const consentsBy = groupBy(input.consents, (c) => c.personId);
  const withConsent = new Set(
    consentBase.filter((p) => (consentsBy.get(p.id) ?? []).some((c) => isValidConsent(c, p, input.school.consentAge, input.today))).map((p) => p.id),
  );
  const partnersWithMentor = new Set(mentors.filter((p) => p.category === 'partnerRep' && p.partnerId).map((p) => p.partnerId));
  const itemsBy = groupBy(input.planItems, (i) => i.planId);
  const activeIds = new Set(active.map((m) => m.id));
  const plans = input.plans.filter((p) => activeIds.has(p.mentorshipId));
  const plansOk = new Set(plans.filter((p) => (planProgress(itemsBy.get(p.id) ?? [], input.today).share ?? 0) >= PLAN_PROBLEM_THRESHOLD).map((p) => p.id));
  const finalGame = new Set(input.events.filter((e) => e.kind === 'finalGame').flatMap((e) => e.attendeeIds));
  const students = input.people.filter((p) => p.category === 'student' && p.birthDate && ageOn(p.birthDate, input.today) >= 10 && ageOn(p.birthDate, input.today) <= 18);
  const involved = students.filter((p) => inPairs.has(p.id));

  const raw: Record<IndicatorId, { numerator: number; denominator: number; missing: string[] }> = {
    mentorsAmongStudents: { numerator: mentors.filter((p) => p.category === 'student').length, denominator: input.school.studentsTotal, missing: [] },
    mentorsAmongTeachers: { numerator: mentors.filter((p) => p.category === 'teacher').length, denominator: input.school.teachersTotal, missing: [] },
    partnersWithMentors: {
      numerator: partnersWithMentor.size,
      denominator: input.partners.length,
      missing: input.partners.filter((p) => !partnersWithMentor.has(p.id)).map((p) => p.id),
    },
    consents: { numerator: withConsent.size, denominator: consentBase.length, missing: consentBase.filter((p) => !withConsent.has(p.id)).map((p) => p.id) },
    plansAt90: { numerator: plansOk.size, denominator: plans.length, missing: plans.filter((p) => !plansOk.has(p.id)).map((p) => p.id) },
    finalEvent: { numerator: [...inPairs].filter((id) => finalGame.has(id)).length, denominator: inPairs.size, missing: [...inPairs].filter((id) => !finalGame.has(id)) },
    // Of all the school's students, as for «Наставники среди обучающихся»: the app holds only those in the programme.
    studentsInvolved: { numerator: involved.length, denominator: input.school.studentsTotal, missing: students.filter((p) => !inPairs.has(p.id)).map((p) => p.id) },
  };
  return (Object.keys(TITLES) as IndicatorId[]).map((id) => {
    const r = raw[id];
    const value = r.denominator > 0 ? r.numerator / r.denominator : null;
    const target = input.targets?.[id] ?? DEFAULT_TARGETS[id];
    const basis = id === 'mentorsAmongStudents' || id === 'studentsInvolved' ? 'schoolStudents' : id === 'mentorsAmongTeachers' ? 'schoolTeachers' : 'records';
    return { id, title: TITLES[id], ...r, value, target, deadline: deadlines[id], status: indicatorStatus(value, target, deadlines[id], input.today), basis };
  });
}
