import type { Consent } from '../domain/consent';
import { consentInputSchema } from '../domain/consent.schema';
import { consentFormSchema } from '../domain/consent.schema';
import { todayIso } from '../domain/dates';
import type { Person } from '../domain/person';
import { RecordRejected } from '../domain/recordRules';
import { fieldErrors } from '../domain/zodErrors';
import { getDb, type NastavnikDb } from './db';
import { repositoryFor } from './repository';

/**
 * Saves a consent after checking it again against the person's age on the signing date: the form shows the same
 * rules, but nothing that reaches the database may skip them.
 */
export async function saveConsent(
  input: unknown,
  person: Pick<Person, 'id' | 'birthDate'>,
  consentAge: number,
  opts: { id?: string; db?: NastavnikDb } = {},
): Promise<Consent> {
  const r = consentFormSchema(person, consentAge).safeParse(input);
  if (!r.success) throw new RecordRejected('consents', fieldErrors(r.error));
  if (r.data.personId !== person.id) throw new RecordRejected('consents', { personId: 'Согласие относится к другому участнику' });
  const fields = r.data.signer === 'self' ? { ...r.data, representativeName: '', representativeRelation: '' } : r.data;
  return repositoryFor(opts.db ?? getDb(), 'consents').save(fields, opts.id);
}

/** Marks a consent withdrawn on `withdrawnOn`: a new version of the record, so the withdrawal travels in bundles. */
export async function withdrawConsent(consent: Consent, withdrawnOn: string, db: NastavnikDb = getDb()): Promise<Consent> {
  const r = consentInputSchema.safeParse({ ...consent, withdrawnOn });
  if (!r.success) throw new RecordRejected('consents', fieldErrors(r.error));
  if (!r.data.withdrawnOn) throw new RecordRejected('consents', { withdrawnOn: 'Укажите дату отзыва' });
  if (r.data.withdrawnOn > todayIso()) throw new RecordRejected('consents', { withdrawnOn: 'Дата отзыва не может быть в будущем' });
  return repositoryFor(db, 'consents').save(r.data, consent.id);
}
