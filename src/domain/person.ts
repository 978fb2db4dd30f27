import type { z } from 'zod';
import type { Stored } from './envelope';
import { ageOn, isValidIsoDate, todayIso, type IsoDate } from './dates';
import { normalizeText } from './text';
import { ERASED_FIRST_NAME, ERASED_LAST_NAME, ageOnly, blank, emptyList, placeholder, type TablePersonalData } from './personalData';
import type { personInputSchema } from './person.schema';

export const PERSON_CATEGORIES = ['student', 'teacher', 'parent', 'graduate', 'partnerRep'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const PERSON_ROLES = ['mentor', 'mentee'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The roadmap's rule: a student under 14 has the consent signed by a legal representative. A setting, default 14. */
export const DEFAULT_CONSENT_AGE = 14;

export type PersonInput = z.input<typeof personInputSchema>;
export type PersonFields = z.output<typeof personInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PERSON_PERSONAL_DATA: TablePersonalData<PersonFields> = {
  personal: {
    lastName: placeholder('name', ERASED_LAST_NAME),
    firstName: placeholder('name', ERASED_FIRST_NAME),
    middleName: blank('name'),
    birthDate: ageOnly('birthDate'),
    phone: blank('contacts'),
    email: blank('contacts'),
    interests: emptyList('interests'),
    competencies: emptyList('interests'),
    notes: blank('notes'),
  },
  kept: ['category', 'classLabel', 'roles', 'partnerId', 'mentorCapacity'],
  action: 'anonymise',
};
export type Person = Stored<PersonFields>;

/** «7 б», «7-Б», «7б» → «7Б». */
export function normalizeClassLabel(s: string): string {
  return s.replace(/[\s-]+/g, '').toLocaleUpperCase('ru-RU');
}

export function fullName(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванова Мария Петровна» → «Иванова М. П.», as in orders. */
export function shortName(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>): string {
  const initials = [p.firstName, p.middleName]
    .filter(Boolean)
    .map((s) => `${s.charAt(0)}.`)
    .join(' ');
  return initials ? `${p.lastName} ${initials}` : p.lastName;
}

/** «Иванов И. И., 7А» or «Иванов И. И.» for adults. */
export function personLine(p: (Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'category' | 'classLabel'>) | undefined): string {
  if (!p) return '(участник удалён)';
  return p.category === 'student' && p.classLabel ? `${shortName(p)}, ${p.classLabel}` : shortName(p);
}

/** Normalised text a search runs against. */
export function personSearchText(p: PersonFields): string {
  return normalizeText(`${fullName(p)} ${p.classLabel}`);
}

/**
 * Must a legal representative sign this person's consent on `signingDate`? `unknown` when a student's birth date is
 * not known, so that the UI asks for one rather than guessing. Teachers, parents, partners' employees and graduates
 * are past the consent age by what they are, so they sign for themselves with or without a birth date on record.
 */
export function needsRepresentative(
  p: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] },
  signingDate: IsoDate = todayIso(),
  consentAge: number = DEFAULT_CONSENT_AGE,
): boolean | 'unknown' {
  if (!p.birthDate || !isValidIsoDate(p.birthDate)) return p.category && p.category !== 'student' ? false : 'unknown';
  return ageOn(p.birthDate, signingDate) < consentAge;
}

/** Two records describe the same human: same name (ё = е, any case) and the same birth date. */
export function duplicateKey(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'birthDate'>): string {
  return `${normalizeText(fullName(p))}|${p.birthDate}`;
}
