/** One partner organisation and its people, followed live; each hook is `undefined` while it is read. */
import { useLiveQuery } from 'dexie-react-hooks';
import { representativesOf, type Partner } from '../domain/partner';
import type { Person } from '../domain/person';
import { partnersRepo, peopleRepo } from '../storage/repositories';

/** One partner; `null` when there is none of this id, or no id (a new one). */
export function usePartner(id: string | undefined): Partner | null | undefined {
  return useLiveQuery(() => (id ? partnersRepo.get(id).then((p) => p ?? null) : null), [id]);
}

/** The live participants who represent this partner. */
export function usePartnerRepresentatives(partnerId: string): Person[] | undefined {
  return useLiveQuery(() => peopleRepo.list().then((all) => representativesOf(all, partnerId)), [partnerId]);
}
