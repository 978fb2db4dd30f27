import type { ConsentFields } from './consent';
import { isValidConsent } from './consent';
import { ageOn, isValidIsoDate, todayIso } from './dates';
import type { PersonFields } from './person';
import { needsRepresentative } from './person';

/**
 * Who may sign on a given signing date: `representative` only (under the consent age), `either` (the person, by
 * default, or a representative), `unknownAge` (no birth date: nobody can be checked), `noDate` (no valid date yet).
 */
export type RequiredSigner = 'representative' | 'either' | 'unknownAge' | 'noDate';

export function requiredSigner(person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] }, signedOn: string, consentAge: number): RequiredSigner {
  if (!isValidIsoDate(signedOn)) return 'noDate';
  const under = needsRepresentative(person, signedOn, consentAge);
  if (under === 'unknown') return 'unknownAge';
  return under ? 'representative' : 'either';
}

/** Why the form insists on a representative, in words a curator can repeat to a parent. */
export function representativeReason(person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] }, signedOn: string, consentAge: number): string {
  const age = ageOn(person.birthDate, signedOn);
  return `На дату подписания участнику ${age} ${yearsWord(age)} — младше ${consentAge}: согласие подписывает законный представитель (родитель, усыновитель, опекун или попечитель).`;
}

function yearsWord(n: number): string {
  const rule = new Intl.PluralRules('ru-RU').select(n);
  return rule === 'one' ? 'год' : rule === 'few' ? 'года' : 'лет';
}

export type ConsentState = 'valid' | 'withdrawn' | 'wrongSigner' | 'notYetSigned';

export function consentState(
  c: Pick<ConsentFields, 'signer' | 'signedOn' | 'withdrawnOn'>,
  person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] },
  consentAge: number,
  on: string = todayIso(),
): ConsentState {
  if (isValidConsent(c, person, consentAge, on)) return 'valid';
  if (c.signedOn > on) return 'notYetSigned';
  if (c.withdrawnOn && c.withdrawnOn <= on) return 'withdrawn';
  return 'wrongSigner';
}

/** Why a person is on the "still lacks a consent" list. */
export type MissingReason = 'none' | 'withdrawn' | 'wrongSigner' | 'noBirthDate';

export interface MissingConsent<P> {
  person: P;
  reason: MissingReason;
  /** Under the consent age today: the mark «до 14 лет — нужен представитель». */
  underAge: boolean | 'unknown';
}

export interface ConsentOverview<P> {
  total: number;
  valid: number;
  /** valid ÷ total; null when there is nobody yet. */
  share: number | null;
  missing: MissingConsent<P>[];
  covered: P[];
}

type ConsentLike = Pick<ConsentFields, 'personId' | 'signer' | 'signedOn' | 'withdrawnOn'> & { deleted?: boolean };

type PairLike = { status: string; mentorIds: readonly string[]; menteeIds: readonly string[]; deleted?: boolean };

/**
 * The programme's participants: whoever is a mentor or a mentee, or is in a pair or group that is forming, working or
 * finished. The one base of «участники» — the consents indicator, the «Согласия» screen and «Требует внимания» count
 * the same people. A parent who only signed for a child, or a partner's contact, is not a participant.
 */
export function programParticipants<P extends { id: string; roles?: readonly string[] }>(people: readonly P[], mentorships: readonly PairLike[]): P[] {
  const inPairs = new Set(
    mentorships
      .filter((m) => !m.deleted && (m.status === 'forming' || m.status === 'active' || m.status === 'finished'))
      .flatMap((m) => [...m.mentorIds, ...m.menteeIds]),
  );
  return people.filter((p) => (p.roles?.length ?? 0) > 0 || inPairs.has(p.id));
}

/** The roadmap's indicator «consents»: participants with a valid consent (by the right signer) ÷ all participants. */
export function consentOverview<P extends { id: string } & Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] }>(
  people: readonly P[],
  consents: readonly ConsentLike[],
  consentAge: number,
  on: string = todayIso(),
): ConsentOverview<P> {
  const byPerson = new Map<string, ConsentLike[]>();
  for (const c of consents) {
    if (c.deleted) continue;
    const list = byPerson.get(c.personId);
    if (list) list.push(c);
    else byPerson.set(c.personId, [c]);
  }
  const missing: MissingConsent<P>[] = [];
  const covered: P[] = [];
  for (const p of people) {
    const own = (byPerson.get(p.id) ?? []).filter((c) => c.signedOn <= on);
    if (own.some((c) => isValidConsent(c, p, consentAge, on))) {
      covered.push(p);
      continue;
    }
    const underAge = needsRepresentative(p, on, consentAge);
    let reason: MissingReason = 'none';
    if (own.length) {
      if (!p.birthDate) reason = 'noBirthDate';
      else if (own.some((c) => !c.withdrawnOn || c.withdrawnOn > on)) reason = 'wrongSigner';
      else reason = 'withdrawn';
    }
    missing.push({ person: p, reason, underAge });
  }
  return { total: people.length, valid: covered.length, share: people.length ? covered.length / people.length : null, missing, covered };
}

/** The roadmap's deadline for 100 % of consents: the end of October of the academic year's first calendar year. */
export function consentDeadline(academicYear: string): string {
  const start = /^(\d{4})\//.exec(academicYear)?.[1];
  return start ? `${start}-10-31` : '';
}

/** «72 %», with one decimal only where it matters (99,5 % is not 100 %). */
export function percentText(share: number | null): string {
  if (share === null) return '—';
  const pct = share * 100;
  const shown = pct > 99 && pct < 100 ? Math.floor(pct * 10) / 10 : Math.round(pct);
  return `${shown.toLocaleString('ru-RU')} %`;
}
