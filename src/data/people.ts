/**
 * What the participants' pages read, followed live: one participant, their consents, their pairs, groups and
 * recognitions, and everyone's names (all consents: data/consents; a partner organisation: data/partners). Each hook is `undefined` while it is read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent } from '../domain/consent';
import type { Mentorship } from '../domain/mentorship';
import { mentorshipsOfPerson } from '../domain/mentorshipList';
import { fullName, type Person, type PersonRole } from '../domain/person';
import type { Recognition } from '../domain/recognition';
import { consentsRepo, mentorshipsRepo, peopleRepo, recognitionsRepo } from '../storage/repositories';

/** One live participant; `null` when there is no such participant (never was, or deleted), or when `id` is not given. */
export function usePerson(id: string | undefined): Person | null | undefined {
  return useLiveQuery(() => (id ? peopleRepo.get(id).then((p) => p ?? null) : Promise.resolve(null)), [id]);
}

/** Every live participant's full name, by id. */
export function usePersonNames(): Map<string, string> | undefined {
  return useLiveQuery(async () => new Map((await peopleRepo.list()).map((p) => [p.id, fullName(p)])), []);
}

/** The live consents of one participant. */
export function usePersonConsents(personId: string): Consent[] | undefined {
  return useLiveQuery(() => consentsRepo.list().then((l) => l.filter((c) => c.personId === personId)), [personId]);
}

/** A participant's place in the pairs and groups and their recognitions, as their card lists them. */
export interface PersonMentorshipsAndRecognitions {
  /** Their pairs and groups with their role in each, at work first (mentorshipsOfPerson). */
  mine: { mentorship: Mentorship; role: PersonRole }[];
  /** Newest first. */
  recognitions: Recognition[];
  /** The members of those pairs and groups, by id. */
  people: Map<string, Person>;
}

/** The participant's pairs, groups and recognitions. */
export function usePersonMentorshipsAndRecognitions(personId: string): PersonMentorshipsAndRecognitions | undefined {
  return useLiveQuery(async () => {
    const [asMentor, asMentee, recognitions] = await Promise.all([
      mentorshipsRepo.listWhere('mentorIds', personId),
      mentorshipsRepo.listWhere('menteeIds', personId),
      recognitionsRepo.listWhere('personId', personId),
    ]);
    const mine = mentorshipsOfPerson(personId, [...asMentor, ...asMentee]);
    const ids = [...new Set(mine.flatMap(({ mentorship: m }) => [...m.mentorIds, ...m.menteeIds]))];
    return { mine, recognitions: recognitions.sort((a, b) => b.date.localeCompare(a.date)), people: new Map((await peopleRepo.getMany(ids)).map((p) => [p.id, p])) };
  }, [personId]);
}
