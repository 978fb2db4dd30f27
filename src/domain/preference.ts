import type { z } from 'zod';
import type { Stored } from './envelope';
import { emptyList, type TablePersonalData } from './personalData';
import type { preferenceInputSchema } from './preference.schema';

export const PREFERENCE_SIDES = ['mentee', 'mentor'] as const;
export type PreferenceSide = (typeof PREFERENCE_SIDES)[number];

/** The networking questionnaire asks for up to five names: more is noise, and five keeps it quick on a phone. */
export const MAX_RANKED = 5;

export type PreferenceInput = z.input<typeof preferenceInputSchema>;
export type PreferenceFields = z.output<typeof preferenceInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PREFERENCE_PERSONAL_DATA: TablePersonalData<PreferenceFields> = {
  personal: { ranked: emptyList('preferences') },
  kept: ['eventId', 'personId', 'side'],
  action: 'remove',
};
export type Preference = Stored<PreferenceFields>;

/** A preference as matching reads it; the envelope is optional so that tests and imports can pass plain objects. */
export type PreferenceLike = Pick<PreferenceFields, 'personId' | 'side' | 'ranked'> & {
  eventId?: string;
  id?: string;
  updatedAt?: string;
  deleted?: boolean;
};

/**
 * One answer per person and side: the newest (by `updatedAt`, then id). Two devices may each have typed a
 * questionnaire for the same person; picking by content, not by position in the list, keeps matching independent
 * of the order records come in. Deleted answers and those of other events are dropped.
 */
export function latestPreferences<P extends PreferenceLike>(preferences: readonly P[], eventId?: string): P[] {
  const best = new Map<string, P>();
  for (const p of preferences) {
    if (p.deleted || (eventId !== undefined && p.eventId !== eventId)) continue;
    const key = `${p.side}\u0000${p.personId}`;
    const held = best.get(key);
    if (!held || newer(p, held)) best.set(key, p);
  }
  return [...best.values()];
}

function newer(a: PreferenceLike, b: PreferenceLike): boolean {
  const ka = [a.updatedAt ?? '', a.id ?? '', a.ranked.join('\u0000')];
  const kb = [b.updatedAt ?? '', b.id ?? '', b.ranked.join('\u0000')];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! > kb[i]!;
  return false;
}
