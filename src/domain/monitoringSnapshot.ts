import { isValidConsent } from './consent';
import type { ConsentFields } from './consent';
import type { EventFields } from './event';
import type { MeetingFields } from './meeting';
import { groupBy } from './collections';
import { computeIndicators, type Indicator } from './monitoring';
import type { MentorshipFields, MentorshipStatus } from './mentorship';
import { fullName, shortName, type Person, type PersonCategory } from './person';
import { planProgress, type PlanFields, type PlanItemFields } from './plan';
import { beforeAfter, type QuestionnaireFields, type ResponseFields } from './questionnaire';
import { buildReport, type ReportInput, type ReportSheet } from './report';
import { overlapsAcademicYear, type SchoolFields } from './school';
import { recognitionLabel, type RecognitionFields } from './recognition';
import type { OrderFields } from './order';
import { sortPractices, type PracticeFields } from './practice';
import { trainingSummary, type TrainingGroupFields, type TrainingSessionFields } from './training';
import { formatRuDate } from './dates';

type WithId<T> = T & { id: string };

export interface MonitoringData {
  today: string;
  school: Pick<SchoolFields, 'name' | 'academicYear' | 'studentsTotal' | 'teachersTotal' | 'consentAge' | 'indicatorTargets' | 'swot'>;
  people: readonly Person[];
  partners: readonly { id: string }[];
  /** With the representative's name and relation, so the report names who signed for a minor (older records may lack them). */
  consents: readonly (Pick<ConsentFields, 'personId' | 'signer' | 'signedOn' | 'withdrawnOn'> & Partial<Pick<ConsentFields, 'representativeName' | 'representativeRelation'>>)[];
  mentorships: readonly WithId<Pick<MentorshipFields, 'title' | 'formId' | 'mentorIds' | 'menteeIds' | 'status'> & Partial<Pick<MentorshipFields, 'startDate' | 'endDate'>> & { createdAt?: string }>[];
  meetings: readonly (Pick<MeetingFields, 'mentorshipId' | 'kind' | 'date'> & Partial<Pick<MeetingFields, 'durationMin' | 'place' | 'notes' | 'attendeeIds'>>)[];
  /** Names of the meeting kinds, for the report's meeting log (left out without them). */
  meetingKinds?: Record<string, string>;
  plans: readonly WithId<Pick<PlanFields, 'mentorshipId' | 'title'> & { approvedByOrderId?: string }>[];
  planItems: readonly (Pick<PlanItemFields, 'planId' | 'status' | 'dueDate'>)[];
  events: readonly Pick<EventFields, 'kind' | 'title' | 'date' | 'attendeeIds'>[];
  groups: readonly WithId<TrainingGroupFields>[];
  sessions: readonly Pick<TrainingSessionFields, 'groupId' | 'kind' | 'date' | 'expert' | 'attendeeIds'>[];
  questionnaires: readonly WithId<QuestionnaireFields>[];
  responses: readonly Pick<ResponseFields, 'questionnaireId' | 'respondentId' | 'phase' | 'answeredOn' | 'answers'>[];
  forms: readonly { id: string; name: string }[];
  /** Recognitions of mentors and the orders that gave them (the report's «Поощрения»); none when left out. */
  recognitions?: readonly Pick<RecognitionFields, 'personId' | 'kind' | 'title' | 'reason' | 'date' | 'orderId'>[];
  orders?: readonly (Pick<OrderFields, 'number' | 'date'> & { id: string })[];
  /** The register of best practices (the report's «Практики»); none when left out. */
  practices?: readonly PracticeFields[];
  labels: { category: Record<PersonCategory, string>; status: Record<MentorshipStatus, string> };
  /** People whose data has been destroyed: not asked for a consent (see MonitoringInput). */
  erasedPersonIds?: ReadonlySet<string>;
}

/**
 * Who signed a consent, for the report: the legal representative by the full name the consent records (with the
 * relation in the kind: «законный представитель (мать)»), or the participant him/herself.
 */
export function consentSigner(
  c: Pick<ConsentFields, 'signer'> & Partial<Pick<ConsentFields, 'representativeName' | 'representativeRelation'>>,
  person: Pick<Person, 'lastName' | 'firstName' | 'middleName'>,
): { signer: string; signerKind: string } {
  if (c.signer === 'self') return { signer: fullName(person), signerKind: 'сам участник' };
  const relation = c.representativeRelation?.trim();
  return {
    signer: c.representativeName?.trim() || 'ФИО представителя не указано',
    signerKind: relation ? `законный представитель (${relation})` : 'законный представитель',
  };
}

const EVENT_KINDS: Record<string, string> = { networking: 'нетворкинг', finalGame: 'итоговая игра', other: 'другое' };

/**
 * The year's work only: a pair that ended last year, last year's final game, sessions and answers of another year
 * must not count towards this year's indicators (the second year of the programme keeps the first one's records).
 */
export function academicYearFilter(year: string) {
  const dated = (date: string) => !date || overlapsAcademicYear(date, date, year);
  const mentorship = (m: Partial<Pick<MentorshipFields, 'startDate' | 'endDate'>> & { createdAt?: string }) =>
    overlapsAcademicYear(m.startDate || m.createdAt?.slice(0, 10) || '', m.endDate ?? '', year);
  return { dated, mentorship };
}

/** What the indicators read: the dashboard's records, or a school's file read for the municipality's summary. */
export type YearIndicatorsInput = Pick<MonitoringData, 'today' | 'people' | 'partners' | 'consents' | 'mentorships' | 'plans' | 'planItems' | 'events' | 'erasedPersonIds'> & {
  school: Pick<SchoolFields, 'academicYear' | 'studentsTotal' | 'teachersTotal' | 'consentAge' | 'indicatorTargets'>;
};

/**
 * The indicators of the school's academic year, from its live records: the dashboard, the report and the
 * municipality's summary (src/domain/summary.ts) all count through this one function.
 */
export function yearIndicators(d: YearIndicatorsInput): Indicator[] {
  const { mentorship, dated } = academicYearFilter(d.school.academicYear);
  return computeIndicators({
    today: d.today,
    academicYear: d.school.academicYear,
    school: { studentsTotal: d.school.studentsTotal, teachersTotal: d.school.teachersTotal, consentAge: d.school.consentAge },
    people: d.people,
    partners: d.partners,
    consents: d.consents,
    mentorships: d.mentorships.filter(mentorship),
    plans: d.plans,
    planItems: d.planItems,
    events: d.events.filter((e) => dated(e.date)),
    ...(d.school.indicatorTargets ? { targets: d.school.indicatorTargets } : {}),
    ...(d.erasedPersonIds ? { erasedPersonIds: d.erasedPersonIds } : {}),
  });
}

/**
 * The dashboard's and the report's figures from the stored records, in one pass of grouping: the indicators, the
 * training summary, the questionnaires' change over the year, and the report's rows. Pure, for the screens and the
 * benchmark alike.
 */
export function monitoringSnapshot(d: MonitoringData): {
  indicators: Indicator[];
  training: ReturnType<typeof trainingSummary>;
  changes: ReportInput['questionnaires'];
  /** Meetings held per month of the academic year (September → June): the year's progress at a glance. */
  meetingsByMonth: { key: string; label: string; count: number }[];
  reportInput: ReportInput;
  report: () => ReportSheet[];
} {
  const { today, school, people, consents, plans, planItems, groups, questionnaires, forms } = d;
  const { mentorship: mentorshipInYear, dated: inYear } = academicYearFilter(school.academicYear);
  const mentorships = d.mentorships.filter(mentorshipInYear);
  const events = d.events.filter((e) => inYear(e.date));
  const meetings = d.meetings.filter((x) => inYear(x.date));
  const sessions = d.sessions.filter((x) => inYear(x.date));
  const responses = d.responses.filter((r) => inYear(r.answeredOn));
  const categoryLabel = d.labels.category;
  const mentorshipStatusLabel = d.labels.status;
  const indicators = yearIndicators(d);
  const training = trainingSummary(groups, sessions, today);
  const byId = new Map<string, Person>(people.map((p) => [p.id, p]));
  const names = (ids: readonly string[]) => ids.map((id) => (byId.get(id) ? shortName(byId.get(id)!) : '(удалён)')).join(', ');
  const formName = new Map(forms.map((f) => [f.id, f.name]));
  const itemsBy = groupBy(planItems, (i) => i.planId);
  const meetingsBy = groupBy(meetings, (m) => m.mentorshipId);
  const plansBy = groupBy(plans, (p) => p.mentorshipId);
  const consentsBy = groupBy(consents, (c) => c.personId);
  const mentorshipById = new Map(mentorships.map((m) => [m.id, m]));
  const responsesBy = groupBy(responses, (r) => r.questionnaireId);
  const pairTitle = (id: string) => {
    const m = mentorshipById.get(id);
    return m ? m.title || `${names(m.mentorIds)} → ${names(m.menteeIds)}` : '(удалена)';
  };
  const changes = questionnaires.flatMap((q) =>
    q.beforeAfter
      ? beforeAfter(
          q,
          responsesBy.get(q.id) ?? [],
        ).map((c) => ({ questionnaire: q.title, question: c.text, n: c.n, before: c.before, after: c.after, delta: c.delta }))
      : [],
  );
  const reportInput: ReportInput = {
    school,
    today,
    ...(d.school.swot ? { swot: d.school.swot } : {}),
    indicators,
    mentorships: mentorships.map((m) => {
      const mine = meetingsBy.get(m.id) ?? [];
      const items = (plansBy.get(m.id) ?? []).flatMap((p) => itemsBy.get(p.id) ?? []);
      return {
        title: m.title,
        form: formName.get(m.formId) ?? '',
        mentors: names(m.mentorIds),
        mentees: names(m.menteeIds),
        status: mentorshipStatusLabel[m.status],
        meetings: mine.length,
        stages: new Set(mine.map((x) => x.kind)).size,
        planPercent: planProgress(items, today).share,
      };
    }),
    ...(d.meetingKinds
      ? {
          meetings: [...meetings]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((x) => ({
              date: x.date,
              pair: pairTitle(x.mentorshipId),
              kind: d.meetingKinds![x.kind] ?? x.kind,
              durationMin: x.durationMin ?? null,
              place: x.place ?? '',
              attendees: x.attendeeIds?.length ?? 0,
              notes: x.notes ?? '',
            })),
        }
      : {}),
    plans: plans.map((p) => {
      const pr = planProgress(itemsBy.get(p.id) ?? [], today);
      return { title: p.title, pair: pairTitle(p.mentorshipId), planned: pr.planned, done: pr.done, percent: pr.share, approved: p.approvedByOrderId ? 'да' : 'нет' };
    }),
    consents: people
      .filter((p) => p.roles.length > 0)
      .map((p) => {
        const mine = [...(consentsBy.get(p.id) ?? [])].sort((a, b) => b.signedOn.localeCompare(a.signedOn));
        // The consent that counts, or else the latest one, so the row names who signed the consent it speaks of.
        const shown = mine.find((c) => isValidConsent(c, p, school.consentAge, today)) ?? mine[0];
        const valid = !!shown && isValidConsent(shown, p, school.consentAge, today);
        return {
          name: fullName(p),
          category: categoryLabel[p.category],
          valid,
          ...(shown ? consentSigner(shown, p) : { signer: '', signerKind: '' }),
          signedOn: shown?.signedOn ?? '',
          reason: valid ? '' : shown ? 'согласие недействительно или отозвано' : 'согласия нет',
        };
      }),
    training: groups.map((g) => {
      const s = training.groups.find((x) => x.groupId === g.id)!;
      return { group: g.name, members: g.memberIds.length, sessions: s.sessions, consultations: s.consultations, experts: s.experts.join(', '), attendance: s.attendance };
    }),
    events: events.map((e) => ({ title: e.title, kind: EVENT_KINDS[e.kind] ?? e.kind, date: e.date, attendees: e.attendeeIds.length })),
    questionnaires: changes,
    practices: sortPractices(d.practices ?? []).map((p) => ({
      title: p.title,
      form: formName.get(p.formId) ?? '',
      authors: names(p.authorIds),
      year: p.academicYear,
      description: p.description,
      result: p.result,
    })),
    recognitions: (() => {
      const orderById = new Map((d.orders ?? []).map((o) => [o.id, o]));
      const byId = new Map(people.map((p) => [p.id, p]));
      return [...(d.recognitions ?? [])]
        .filter((r) => inYear(r.date))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((r) => {
          const p = byId.get(r.personId);
          const o = orderById.get(r.orderId);
          return { name: p ? fullName(p) : '', award: recognitionLabel(r), reason: r.reason, date: r.date, order: o ? `№ ${o.number} от ${formatRuDate(o.date)}` : '' };
        });
    })(),
  };
  const y0 = Number(school.academicYear.slice(0, 4));
  const MONTHS = ['сен', 'окт', 'ноя', 'дек', 'янв', 'фев', 'мар', 'апр', 'май', 'июн'];
  const keys = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6].map((m) => `${m >= 9 ? y0 : y0 + 1}-${String(m).padStart(2, '0')}`);
  const perMonth = new Map(keys.map((k) => [k, 0]));
  for (const x of meetings) {
    const k = x.date.slice(0, 7);
    if (perMonth.has(k)) perMonth.set(k, perMonth.get(k)! + 1);
  }
  const meetingsByMonth = keys.map((key, i) => ({ key, label: MONTHS[i]!, count: perMonth.get(key)! }));
  return { indicators, training, changes, meetingsByMonth, reportInput, report: () => buildReport(reportInput) };
}

export type QuestionChange = ReportInput['questionnaires'][number];

export interface QuestionnaireChange {
  questionnaire: string;
  items: QuestionChange[];
  /** The mean of the questions' changes (those measured at both ends); null when none was. */
  meanDelta: number | null;
  /** The most respondents any question of it had at both ends. */
  n: number;
}

/**
 * The year's change grouped by questionnaire, for a dashboard that shows one line per questionnaire and opens the
 * questions on demand; questionnaires in the order they came, questions in theirs.
 */
export function changesByQuestionnaire(changes: readonly QuestionChange[]): QuestionnaireChange[] {
  const groups = new Map<string, QuestionChange[]>();
  for (const c of changes) {
    const list = groups.get(c.questionnaire);
    if (list) list.push(c);
    else groups.set(c.questionnaire, [c]);
  }
  return [...groups].map(([questionnaire, items]) => {
    const deltas = items.map((i) => i.delta).filter((d): d is number => d !== null);
    return {
      questionnaire,
      items,
      meanDelta: deltas.length ? deltas.reduce((a, b) => a + b, 0) / deltas.length : null,
      n: Math.max(0, ...items.map((i) => i.n)),
    };
  });
}
