/** Mentor training: its groups and their sessions, followed live; each hook is `undefined` while it is read. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TrainingGroup, TrainingSession } from '../domain/training';
import { trainingGroupsRepo, trainingSessionsRepo } from '../storage/yearWork';

/** Every live training group. */
export function useTrainingGroups(): TrainingGroup[] | undefined {
  return useLiveQuery(() => trainingGroupsRepo.list(), []);
}

/** Every live session and consultation of every group. */
export function useTrainingSessions(): TrainingSession[] | undefined {
  return useLiveQuery(() => trainingSessionsRepo.list(), []);
}

/** One training group; `null` when there is none of this id. */
export function useTrainingGroup(id: string): TrainingGroup | null | undefined {
  return useLiveQuery(() => trainingGroupsRepo.get(id).then((g) => g ?? null), [id]);
}

/** The live sessions and consultations of one group. */
export function useSessionsOf(groupId: string): TrainingSession[] | undefined {
  return useLiveQuery(() => trainingSessionsRepo.listWhere('groupId', groupId), [groupId]);
}
