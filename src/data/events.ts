/** The school's events (the final business game, networking sessions and the rest), followed live. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { SchoolEvent } from '../domain/event';
import { eventsRepo } from '../storage/repositories';

/** Every live event of the school, of every kind. */
export function useEvents(): SchoolEvent[] | undefined {
  return useLiveQuery(() => eventsRepo.list(), []);
}

/** One event; `null` when there is none by this id (or it was deleted). */
export function useEvent(id: string): SchoolEvent | null | undefined {
  return useLiveQuery(() => eventsRepo.get(id).then((e) => e ?? null), [id]);
}
