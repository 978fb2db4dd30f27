/**
 * The tables «Мониторинг» and its report count that no other data file reads yet, followed live: each hook is the live
 * (not deleted) records of one table, `undefined` while it is read. The rest it counts come from their areas' files
 * (people.ts: useConsents; plans.ts; questionnaires.ts; orders.ts: useOrders, useRecognitions; events.ts; library.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../domain/meeting';
import type { TrainingGroup, TrainingSession } from '../domain/training';
import { meetingsRepo } from '../storage/repositories';
import { trainingGroupsRepo, trainingSessionsRepo } from '../storage/yearWork';

/** Every live meeting of every pair and group. */
export function useMeetings(): Meeting[] | undefined {
  return useLiveQuery(() => meetingsRepo.list(), []);
}

/** Every live training group of mentors. */
export function useTrainingGroups(): TrainingGroup[] | undefined {
  return useLiveQuery(() => trainingGroupsRepo.list(), []);
}

/** Every live session of the mentors' training. */
export function useTrainingSessions(): TrainingSession[] | undefined {
  return useLiveQuery(() => trainingSessionsRepo.list(), []);
}

