/**
 * The tables «Мониторинг» and its report count that no other data file reads yet, followed live: each hook is the live
 * (not deleted) records of one table, `undefined` while it is read. The rest it counts come from their areas' files
 * (consents.ts; training.ts: useTrainingGroups, useTrainingSessions; plans.ts; questionnaires.ts; orders.ts: useOrders, useRecognitions; events.ts; library.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../domain/meeting';
import { meetingsRepo } from '../storage/repositories';

/** Every live meeting of every pair and group. */
export function useMeetings(): Meeting[] | undefined {
  return useLiveQuery(() => meetingsRepo.list(), []);
}

