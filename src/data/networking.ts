/** The networking meetings, followed live (one event with its people and answers: useNetworkingEvent.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { SchoolEvent } from '../domain/event';
import { eventsRepo } from '../storage/repositories';

/** Every live event of the kind «нетворкинг». */
export function useNetworkingEvents(): SchoolEvent[] | undefined {
  return useLiveQuery(() => eventsRepo.listWhere('kind', 'networking'), []);
}
