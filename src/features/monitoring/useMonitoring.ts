import { useMemo } from 'react';
import { todayIso } from '../../domain/dates';
import { monitoringSnapshot } from '../../domain/monitoringSnapshot';
import type { Person } from '../../domain/person';
import { categoryLabel, meetingKindLabel, mentorshipStatusLabel } from '../../i18n/ru';
import { useMeetings } from '../../data/monitoring';
import { useConsents } from '../../data/consents';
import { useTrainingGroups, useTrainingSessions } from '../../data/training';
import { usePlanItems, usePlans } from '../../data/plans';
import { useQuestionnaireResponses, useQuestionnaires } from '../../data/questionnaires';
import { useOrders, useRecognitions } from '../../data/orders';
import { useEvents } from '../../data/events';
import { usePractices } from '../../data/library';
import { useMentoringForms } from '../../data/useMentoringForms';
import { useErasedPersonIds, useMentorships, usePartners, usePeople, useSchool } from '../../data/hooks';

/** Everything the dashboard and the report read, followed live, and the figures computed from it (src/domain). */
export function useMonitoring() {
  const school = useSchool();
  const people = usePeople();
  const partners = usePartners();
  const consents = useConsents();
  const mentorships = useMentorships();
  const meetings = useMeetings();
  const plans = usePlans();
  const planItems = usePlanItems();
  const events = useEvents();
  const groups = useTrainingGroups();
  const sessions = useTrainingSessions();
  const questionnaires = useQuestionnaires();
  const responses = useQuestionnaireResponses();
  const forms = useMentoringForms();
  const recognitions = useRecognitions();
  const orders = useOrders();
  const practices = usePractices();
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
