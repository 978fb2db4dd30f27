import type { z } from 'zod';
import type { Stored } from './envelope';
import { todayIso } from './dates';
import { needsRepresentative, type PersonFields } from './person';
import { blank, placeholder, type TablePersonalData } from './personalData';
import type { consentInputSchema } from './consent.schema';

export const CONSENT_SIGNERS = ['self', 'representative'] as const;
export type ConsentSigner = (typeof CONSENT_SIGNERS)[number];

export type ConsentFields = z.output<typeof consentInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const CONSENT_PERSONAL_DATA: TablePersonalData<ConsentFields> = {
  personal: { representativeName: placeholder('consentDetails'), representativeRelation: blank('consentDetails'), notes: blank('consentDetails') },
  kept: ['personId', 'signedOn', 'signer', 'withdrawnOn'],
  action: 'anonymise',
};
export type Consent = Stored<ConsentFields>;

/**
 * The roadmap's rule, checked at the signing date: under the consent age only a legal representative may sign.
 * Returns the Russian reason when the consent is signed by the wrong person, or null when it is right.
 */
export function signerProblem(
  c: Pick<ConsentFields, 'signer' | 'signedOn'>,
  person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] },
  consentAge: number,
): string | null {
  const under = needsRepresentative(person, c.signedOn, consentAge);
  if (under === 'unknown') return 'Не указана дата рождения участника: нельзя проверить, кто должен подписать';
  if (under && c.signer === 'self')
    return `На дату подписания участнику не было ${consentAge} лет: подписывает законный представитель`;
  return null;
}

/** A consent that counts: signed by the right person and not withdrawn on `on`. */
export function isValidConsent(
  c: Pick<ConsentFields, 'signer' | 'signedOn' | 'withdrawnOn'>,
  person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] },
  consentAge: number,
  on: string = todayIso(),
): boolean {
  if (c.signedOn > on) return false;
  if (c.withdrawnOn && c.withdrawnOn <= on) return false;
  return signerProblem(c, person, consentAge) === null;
}

/** People without a valid consent, for the "who still lacks one" list and the marks on them. */
export function peopleWithoutConsent<P extends { id: string } & Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] }>(
  people: readonly P[],
  consents: readonly (Pick<ConsentFields, 'personId' | 'signer' | 'signedOn' | 'withdrawnOn'> & { deleted?: boolean })[],
  consentAge: number,
  on: string = todayIso(),
): P[] {
  const byPerson = new Map<string, (typeof consents)[number][]>();
  for (const c of consents) {
    if (c.deleted) continue;
    const list = byPerson.get(c.personId);
    if (list) list.push(c);
    else byPerson.set(c.personId, [c]);
  }
  return people.filter((p) => !(byPerson.get(p.id) ?? []).some((c) => isValidConsent(c, p, consentAge, on)));
}
