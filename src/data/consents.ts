/** Consents to the processing of personal data, and the person one is about, followed live; `undefined` while read. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent } from '../domain/consent';
import type { Person } from '../domain/person';
import { consentsRepo, peopleRepo } from '../storage/repositories';

/** Every live consent (and withdrawal) on file. */
export function useConsents(): Consent[] | undefined {
  return useLiveQuery(() => consentsRepo.list(), []);
}

/** One consent; `null` when there is none of this id, or no id (a new one). */
export function useConsent(id: string | null | undefined): Consent | null | undefined {
  return useLiveQuery(() => (id ? consentsRepo.get(id).then((c) => c ?? null) : null), [id]);
}

/** One participant; `null` when there is none of this id (or she was deleted). */
export function usePerson(id: string): Person | null | undefined {
  return useLiveQuery(() => peopleRepo.get(id).then((p) => p ?? null), [id]);
}
