/**
 * The data-access layer: what a page needs, followed live, by name — `usePeople()`, `useSchool()` — instead of the
 * same live query written again in every page. Each hook is `undefined` while it is read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Mentorship } from '../domain/mentorship';
import type { Partner } from '../domain/partner';
import type { Person } from '../domain/person';
import type { School } from '../domain/school';
import { getDb } from '../storage/db';
import { getMe } from '../storage/myself';
import { getSchool, mentorshipsRepo, partnersRepo, peopleRepo } from '../storage/repositories';
import { listErasures } from '../storage/erasure';

/** The school's profile; `null` when the device has none yet (a new phone before its wizard or first file). */
export function useSchool(): School | null | undefined {
  return useLiveQuery(() => getSchool().then((s) => s ?? null), []);
}

/** Every live (not deleted) participant. */
export function usePeople(): Person[] | undefined {
  return useLiveQuery(() => peopleRepo.list(), []);
}

/** Every live partner organisation. */
export function usePartners(): Partner[] | undefined {
  return useLiveQuery(() => partnersRepo.list(), []);
}

/** Every live pair and group. */
export function useMentorships(): Mentorship[] | undefined {
  return useLiveQuery(() => mentorshipsRepo.list(), []);
}

/** This device's id (made on first start; '' on a device that has none yet). */
export function useDeviceId(): string | undefined {
  return useLiveQuery(() => getDb().meta.get('deviceId').then((r) => (typeof r?.value === 'string' ? r.value : '')), []);
}

/** Who holds this device («Я — …»): a participant's id, or `null` when the owner has not said. */
export function useMe(): string | null | undefined {
  return useLiveQuery(() => getMe(), []);
}

/** The people whose personal data was destroyed here or on another device (the synced erasure records). */
export function useErasedPersonIds(): ReadonlySet<string> | undefined {
  return useLiveQuery(() => listErasures(getDb()).then((l) => new Set(l.filter((e) => !e.deleted).map((e) => e.personId))), []);
}
