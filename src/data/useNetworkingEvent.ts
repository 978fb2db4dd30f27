import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../domain/person';
import { fullName } from '../domain/person';
import type { Preference } from '../domain/preference';
import { absentees, questionnaireQueue } from '../domain/networking';
import { eventsRepo, mentorshipsRepo, peopleRepo } from '../storage/repositories';
import { preferencesRepo } from '../storage/networking';

const byName = (a: Person, b: Person) => fullName(a).localeCompare(fullName(b), 'ru');

/** A networking event with its people, answers and the questionnaire queue, followed live. */
export function useNetworkingEvent(eventId: string | undefined) {
  const event = useLiveQuery(() => (eventId ? eventsRepo.get(eventId).then((e) => e ?? null) : null), [eventId]);
  const people = useLiveQuery(() => peopleRepo.list(), []);
  const preferences = useLiveQuery(() => (eventId ? preferencesRepo.listWhere('eventId', eventId) : []), [eventId]);
  const mentorships = useLiveQuery(() => mentorshipsRepo.list(), []);
  return useMemo(() => {
    if (event === undefined || !people || !preferences || !mentorships) return undefined;
    const sorted = [...people].sort(byName);
    const byId = new Map(sorted.map((p) => [p.id, p]));
    const queue = event ? questionnaireQueue(sorted, event.attendeeIds) : [];
    const absent = event ? absentees(sorted, event.attendeeIds) : [];
    const answers = new Map<string, Preference>(preferences.map((p) => [`${p.personId}|${p.side}`, p]));
    return { event, people: sorted, byId, queue, absent, answers, preferences, mentorships };
  }, [event, people, preferences, mentorships]);
}
