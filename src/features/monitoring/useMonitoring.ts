import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { isValidConsent } from '../../domain/consent';
import { todayIso } from '../../domain/dates';
import { computeIndicators } from '../../domain/monitoring';
import { fullName, shortName, type Person } from '../../domain/person';
import { planProgress } from '../../domain/plan';
import { beforeAfter } from '../../domain/questionnaire';
import { buildReport, type ReportInput } from '../../domain/report';
import { trainingSummary } from '../../domain/training';
import { categoryLabel, mentorshipStatusLabel } from '../../i18n/ru';
import { consentsRepo, eventsRepo, getSchool, meetingsRepo, mentorshipsRepo, partnersRepo, peopleRepo, planItemsRepo, plansRepo } from '../../storage/repositories';
import { questionnairesRepo, responsesRepo, trainingGroupsRepo, trainingSessionsRepo } from '../../storage/yearWork';
import { useMentoringForms } from '../mentorships/useMentoringForms';

const EVENT_KINDS: Record<string, string> = { networking: 'нетворкинг', finalGame: 'итоговая игра', other: 'другое' };

/** Everything the dashboard and the report read, followed live, and the indicators computed from it. */
export function useMonitoring() {
  const school = useLiveQuery(() => getSchool().then((s) => s ?? null), []);
  const people = useLiveQuery(() => peopleRepo.list(), []);
  const partners = useLiveQuery(() => partnersRepo.list(), []);
  const consents = useLiveQuery(() => consentsRepo.list(), []);
  const mentorships = useLiveQuery(() => mentorshipsRepo.list(), []);
  const meetings = useLiveQuery(() => meetingsRepo.list(), []);
  const plans = useLiveQuery(() => plansRepo.list(), []);
  const planItems = useLiveQuery(() => planItemsRepo.list(), []);
  const events = useLiveQuery(() => eventsRepo.list(), []);
  const groups = useLiveQuery(() => trainingGroupsRepo.list(), []);
  const sessions = useLiveQuery(() => trainingSessionsRepo.list(), []);
  const questionnaires = useLiveQuery(() => questionnairesRepo.list(), []);
  const responses = useLiveQuery(() => responsesRepo.list(), []);
  const forms = useMentoringForms();

  return useMemo(() => {
    if (!school || !people || !partners || !consents || !mentorships || !meetings || !plans || !planItems || !events || !groups || !sessions || !questionnaires || !responses || !forms)
      return undefined;
    const today = todayIso();
    const indicators = computeIndicators({
      today,
      academicYear: school.academicYear,
      school: { studentsTotal: school.studentsTotal, teachersTotal: school.teachersTotal, consentAge: school.consentAge },
      people,
      partners,
      consents,
      mentorships,
      plans,
      planItems,
      events,
      targets: school.indicatorTargets,
    });
    const training = trainingSummary(groups, sessions, today);
    const byId = new Map<string, Person>(people.map((p) => [p.id, p]));
    const names = (ids: readonly string[]) => ids.map((id) => (byId.get(id) ? shortName(byId.get(id)!) : '(удалён)')).join(', ');
    const formName = new Map(forms.map((f) => [f.id, f.name]));
    const itemsBy = new Map<string, typeof planItems>();
    for (const i of planItems) itemsBy.set(i.planId, [...(itemsBy.get(i.planId) ?? []), i]);
    const pairTitle = (id: string) => {
      const m = mentorships.find((x) => x.id === id);
      return m ? m.title || `${names(m.mentorIds)} → ${names(m.menteeIds)}` : '(удалена)';
    };
    const changes = questionnaires.flatMap((q) =>
      q.beforeAfter
        ? beforeAfter(
            q,
            responses.filter((r) => r.questionnaireId === q.id),
          ).map((c) => ({ questionnaire: q.title, question: c.text, n: c.n, before: c.before, after: c.after, delta: c.delta }))
        : [],
    );
    const reportInput: ReportInput = {
      school,
      today,
      indicators,
      mentorships: mentorships.map((m) => {
        const mine = meetings.filter((x) => x.mentorshipId === m.id);
        const items = plans.filter((p) => p.mentorshipId === m.id).flatMap((p) => itemsBy.get(p.id) ?? []);
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
      plans: plans.map((p) => {
        const pr = planProgress(itemsBy.get(p.id) ?? [], today);
        return { title: p.title, pair: pairTitle(p.mentorshipId), planned: pr.planned, done: pr.done, percent: pr.share, approved: p.approvedByOrderId ? 'да' : 'нет' };
      }),
      consents: people
        .filter((p) => p.roles.length > 0)
        .map((p) => {
          const mine = consents.filter((c) => c.personId === p.id).sort((a, b) => b.signedOn.localeCompare(a.signedOn));
          const valid = mine.some((c) => isValidConsent(c, p, school.consentAge, today));
          const last = mine[0];
          return {
            name: fullName(p),
            category: categoryLabel[p.category],
            valid,
            signer: last ? (last.signer === 'self' ? 'сам участник' : 'законный представитель') : '',
            signedOn: last?.signedOn ?? '',
            reason: valid ? '' : last ? 'согласие недействительно или отозвано' : 'согласия нет',
          };
        }),
      training: groups.map((g) => {
        const s = training.groups.find((x) => x.groupId === g.id)!;
        return { group: g.name, members: g.memberIds.length, sessions: s.sessions, consultations: s.consultations, experts: s.experts.join(', '), attendance: s.attendance };
      }),
      events: events.map((e) => ({ title: e.title, kind: EVENT_KINDS[e.kind] ?? e.kind, date: e.date, attendees: e.attendeeIds.length })),
      questionnaires: changes,
    };
    return { school, today, indicators, training, changes, byId, plans, reportInput, report: () => buildReport(reportInput) };
  }, [school, people, partners, consents, mentorships, meetings, plans, planItems, events, groups, sessions, questionnaires, responses, forms]);
}
