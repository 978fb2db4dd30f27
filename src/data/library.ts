/**
 * The school's library of the year's work, followed live: methodological materials (and the files this device
 * keeps of them) and the register of best practices. (The mentors' recognitions: useRecognitions in orders.ts.)
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Material } from '../domain/material';
import type { Practice } from '../domain/practice';
import { practicesRepo } from '../storage/repositories';
import { heldFileIds, materialsRepo } from '../storage/yearWork';

/** Every live material, the roadmap rows' documents included (they carry `roadmapTaskId`). */
export function useMaterials(): Material[] | undefined {
  return useLiveQuery(() => materialsRepo.list(), []);
}

/** The ids of the materials whose file this device holds (a material can travel without its file). */
export function useHeldFileIds(): Set<string> | undefined {
  return useLiveQuery(() => heldFileIds(), []);
}

/** Every live entry of the register of best practices. */
export function usePractices(): Practice[] | undefined {
  return useLiveQuery(() => practicesRepo.list(), []);
}
