/** Consents to the processing of personal data, followed live; `undefined` while read (the person a consent is about: people.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent } from '../domain/consent';
import { consentsRepo } from '../storage/repositories';

/** Every live consent (and withdrawal) on file. */
export function useConsents(): Consent[] | undefined {
  return useLiveQuery(() => consentsRepo.list(), []);
}

/** One consent; `null` when there is none of this id, or no id (a new one). */
export function useConsent(id: string | null | undefined): Consent | null | undefined {
  return useLiveQuery(() => (id ? consentsRepo.get(id).then((c) => c ?? null) : null), [id]);
}
