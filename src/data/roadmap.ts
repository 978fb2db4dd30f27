/** The year's roadmap, followed live. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RoadmapTask } from '../domain/roadmap';
import { roadmapRepo } from '../storage/yearWork';

/** Every live roadmap row, of every academic year (a page picks the school's year). */
export function useRoadmapTasks(): RoadmapTask[] | undefined {
  return useLiveQuery(() => roadmapRepo.list(), []);
}

/** One roadmap row; `null` when there is none by this id (or it was deleted). */
export function useRoadmapTask(id: string): RoadmapTask | null | undefined {
  return useLiveQuery(() => roadmapRepo.get(id).then((t) => t ?? null), [id]);
}
