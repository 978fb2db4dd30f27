import { useState } from 'react';
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Consent } from '../domain/consent';
import { consentState } from '../domain/consentStatus';
import { formatRuDate } from '../domain/dates';
import { DEFAULT_CONSENT_AGE, type Person } from '../domain/person';
import { consentsRepo } from '../storage/repositories';
import { consentSignerLabel, consentStateLabel } from '../i18n/ru';
import { WithdrawDialog } from './WithdrawDialog';
import { useSchool } from '../data/hooks';

/** The consents section of a participant's card: each consent with its signer and state, and the actions. */
export function PersonConsents({ person }: { person: Person }) {
  const consents = useLiveQuery(() => consentsRepo.listWhere('personId', person.id), [person.id]);
  const school = useSchool();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const age = school?.consentAge ?? DEFAULT_CONSENT_AGE;
  const sorted = [...(consents ?? [])].sort((a, b) => b.signedOn.localeCompare(a.signedOn));
  const states = sorted.map((c) => consentState(c, person, age));
  const hasValid = states.includes('valid');

  return (
    <section className="card-section" aria-labelledby="consents-heading">
      <h2 id="consents-heading">Согласие на обработку данных</h2>
      {consents !== undefined && (
        <p className={`notice ${hasValid ? 'notice-ok' : 'notice-warn'}`} data-testid="consent-status">
          {hasValid ? 'Действующее согласие есть.' : sorted.length ? 'Действующего согласия нет.' : 'Согласие ещё не оформлено.'}
        </p>
      )}
      {sorted.length > 0 && (
        <ul className="list" aria-label="Согласия участника">
          {sorted.map((c, i) => (
            <li key={c.id} className="list-item consent-item">
              <span className="list-title">Подписано {formatRuDate(c.signedOn)}</span>
              <span className="list-sub">
                {consentSignerLabel[c.signer]}
                {c.signer === 'representative' && c.representativeName
                  ? `: ${c.representativeName}${c.representativeRelation ? ` (${c.representativeRelation})` : ''}`
                  : ''}
                {c.withdrawnOn ? ` · отозвано ${formatRuDate(c.withdrawnOn)}` : ''}
              </span>
              <span className="badges">
                <span className={`badge ${states[i] === 'valid' ? 'badge-ok' : 'badge-warn'}`}>{consentStateLabel[states[i]!]}</span>
              </span>
              <span className="inline-actions">
                <Link className="button button-small" to={`/people/${person.id}/consent/${c.id}/edit`} aria-label={`Изменить согласие от ${formatRuDate(c.signedOn)}`}>
                  Изменить
                </Link>
                <Link className="button button-small" to={`/people/${person.id}/consent/print?consent=${c.id}`} aria-label={`Бланк согласия от ${formatRuDate(c.signedOn)}`}>
                  Бланк
                </Link>
                {!c.withdrawnOn && (
                  <button type="button" className="button button-small button-danger" onClick={() => setWithdrawing(c)}>
                    Отозвать
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <Link className={`button${hasValid ? '' : ' button-primary'}`} to={`/people/${person.id}/consent/new`}>
          {hasValid ? 'Оформить новое согласие' : 'Оформить согласие'}
        </Link>
        <Link className="button" to={`/people/${person.id}/consent/print`}>
          Бланк для печати
        </Link>
      </div>
      <WithdrawDialog consent={withdrawing} onClose={() => setWithdrawing(null)} />
    </section>
  );
}
