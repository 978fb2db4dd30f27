import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../domain/dates';
import { monitoringSnapshot } from '../../domain/monitoringSnapshot';
import type { Person } from '../../domain/person';
import { categoryLabel, meetingKindLabel, mentorshipStatusLabel } from '../../i18n/ru';
import { consentsRepo, eventsRepo, meetingsRepo, ordersRepo, planItemsRepo, plansRepo, practicesRepo, recognitionsRepo } from '../../storage/repositories';

import { questionnairesRepo, responsesRepo, trainingGroupsRepo, trainingSessionsRepo } from '../../storage/yearWork';
import { useMentoringForms } from '../../data/useMentoringForms';
import { useErasedPersonIds, useMentorships, usePartners, usePeople, useSchool } from '../../data/hooks';

/** Everything the dashboard and the report read, followed live, and the figures computed from it (src/domain). */
export function useMonitoring() {
  const school = useSchool();
  const people = usePeople();
  const partners = usePartners();
  const consents = useLiveQuery(() => consentsRepo.list(), []);
  const mentorships = useMentorships();
  const meetings = useLiveQuery(() => meetingsRepo.list(), []);
  const plans = useLiveQuery(() => plansRepo.list(), []);
  const planItems = useLiveQuery(() => planItemsRepo.list(), []);
  const events = useLiveQuery(() => eventsRepo.list(), []);
  const groups = useLiveQuery(() => trainingGroupsRepo.list(), []);
  const sessions = useLiveQuery(() => trainingSessionsRepo.list(), []);
  const questionnaires = useLiveQuery(() => questionnairesRepo.list(), []);
  const responses = useLiveQuery(() => responsesRepo.list(), []);
  const forms = useMentoringForms();
  const recognitions = useLiveQuery(() => recognitionsRepo.list(), []);
  const orders = useLiveQuery(() => ordersRepo.list(), []);
  const practices = useLiveQuery(() => practicesRepo.list(), []);
  const erased = useErasedPersonIds();

  return useMemo(() => {
    if (!school || !people || !partners || !consents || !mentorships || !meetings || !plans || !planItems || !events || !groups || !sessions || !questionnaires || !responses || !forms || !recognitions || !orders || !practices || !erased)
      return undefined;
    const today = todayIso();
    const snap = monitoringSnapshot({
      today,
      school,
      people,
      partners,
      consents,
      mentorships,
      meetings,
      plans,
      planItems,
      events,
      groups,
      sessions,
      questionnaires,
      responses,
      forms,
      recognitions,
      orders,
      practices,
      erasedPersonIds: erased,
      meetingKinds: meetingKindLabel,
      labels: { category: categoryLabel, status: mentorshipStatusLabel },
    });
    return { ...snap, school, today, byId: new Map<string, Person>(people.map((p) => [p.id, p])), plans };
  }, [school, people, partners, consents, mentorships, meetings, plans, planItems, events, groups, sessions, questionnaires, responses, forms, recognitions, orders, practices, erased]);
}
