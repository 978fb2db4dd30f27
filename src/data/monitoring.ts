/**
 * What «Мониторинг», its report and «Требует внимания» count, followed live, table by table: each hook is the live
 * (not deleted) records of one table, `undefined` while it is read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent } from '../domain/consent';
import type { Meeting } from '../domain/meeting';
import type { Order } from '../domain/order';
import type { Plan, PlanItem } from '../domain/plan';
import type { Questionnaire, QuestionnaireResponse } from '../domain/questionnaire';
import type { TrainingGroup, TrainingSession } from '../domain/training';
import { consentsRepo, meetingsRepo, ordersRepo, planItemsRepo, plansRepo } from '../storage/repositories';
import { questionnairesRepo, responsesRepo, trainingGroupsRepo, trainingSessionsRepo } from '../storage/yearWork';

/** Every live consent (and withdrawal) on file. */
export function useConsents(): Consent[] | undefined {
  return useLiveQuery(() => consentsRepo.list(), []);
}

/** Every live meeting of every pair and group. */
export function useMeetings(): Meeting[] | undefined {
  return useLiveQuery(() => meetingsRepo.list(), []);
}

/** Every live individual plan. */
export function usePlans(): Plan[] | undefined {
  return useLiveQuery(() => plansRepo.list(), []);
}

/** Every live item of every plan. */
export function usePlanItems(): PlanItem[] | undefined {
  return useLiveQuery(() => planItemsRepo.list(), []);
}

/** Every live training group of mentors. */
export function useTrainingGroups(): TrainingGroup[] | undefined {
  return useLiveQuery(() => trainingGroupsRepo.list(), []);
}

/** Every live session of the mentors' training. */
export function useTrainingSessions(): TrainingSession[] | undefined {
  return useLiveQuery(() => trainingSessionsRepo.list(), []);
}

/** Every live questionnaire. */
export function useQuestionnaires(): Questionnaire[] | undefined {
  return useLiveQuery(() => questionnairesRepo.list(), []);
}

/** Every live answer to a questionnaire. */
export function useQuestionnaireResponses(): QuestionnaireResponse[] | undefined {
  return useLiveQuery(() => responsesRepo.list(), []);
}

/** Every live order of the director. */
export function useOrders(): Order[] | undefined {
  return useLiveQuery(() => ordersRepo.list(), []);
}
