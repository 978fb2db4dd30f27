import type { z } from 'zod';
import type { Stored } from './envelope';
import { normalizeText } from './text';
import { blank, type TablePersonalData } from './personalData';
import type { partnerInputSchema } from './partner.schema';

export const PARTNER_KINDS = ['enterprise', 'college', 'university', 'school', 'ngo', 'government', 'culture', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export type PartnerInput = z.input<typeof partnerInputSchema>;
export type PartnerFields = z.output<typeof partnerInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PARTNER_PERSONAL_DATA: TablePersonalData<PartnerFields> = {
  personal: { contactPerson: blank('name'), phone: blank('contacts'), email: blank('contacts'), notes: blank('notes') },
  kept: ['name', 'kind', 'agreementNumber', 'agreementDate'],
  action: 'anonymise',
};
export type Partner = Stored<PartnerFields>;

export function partnerSearchText(p: PartnerFields): string {
  return normalizeText(`${p.name} ${p.contactPerson}`);
}

/**
 * A partner's representatives for its card: the live people recorded as from this organisation, by name (ё sorts
 * with е, as Russian lists do), the same record never twice.
 */
export function representativesOf<P extends { id: string; deleted?: boolean; partnerId: string; lastName: string; firstName: string; middleName: string }>(
  people: readonly P[],
  partnerId: string,
): P[] {
  if (!partnerId) return [];
  const collator = new Intl.Collator('ru', { sensitivity: 'base' });
  const key = (p: P) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  return [...new Map(people.filter((p) => !p.deleted && p.partnerId === partnerId).map((p) => [p.id, p])).values()].sort(
    (a, b) => collator.compare(key(a), key(b)) || a.id.localeCompare(b.id),
  );
}

/**
 * What «Добавить представителя» on a partner's card fills in on the new participant's form (`/people/new?partner=…`):
 * the partner-employee category and that organisation, or nothing when the id names no live partner on this device
 * (a stale link, a deleted organisation) — the form then opens empty rather than keep an id no list can show.
 */
export function representativeDefaults(
  partnerId: string | null | undefined,
  partners: readonly { id: string; deleted?: boolean }[],
): { category: 'partnerRep'; partnerId: string } | null {
  if (!partnerId || !partners.some((p) => p.id === partnerId && !p.deleted)) return null;
  return { category: 'partnerRep', partnerId };
}
