import { useEffect, useId, useRef, useState } from 'react';
import type { Consent } from '../domain/consent';
import { formatRuDate, todayIso } from '../domain/dates';
import { t } from '../i18n/ru';
import { useToasts } from './toastStore';
import { withdrawConsent } from '../storage/consentWrites';
import { RecordRejected } from '../domain/recordRules';

/** Withdrawal of a consent: one date, on the native <dialog> (focus trapped, Esc closes). */
export function WithdrawDialog({ consent, onClose }: { consent: Consent | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState('');
  const show = useToasts((s) => s.show);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (consent && !d.open) {
      setDate(todayIso());
      setError('');
      d.showModal();
    }
    if (!consent && d.open) d.close();
  }, [consent]);

  const submit = async () => {
    if (!consent) return;
    try {
      await withdrawConsent(consent, date);
    } catch (e) {
      if (e instanceof RecordRejected) {
        setError(Object.values(e.errors)[0] ?? e.message);
        return;
      }
      throw e;
    }
    show('Согласие отмечено как отозванное');
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog" onCancel={onClose} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="dialog-title">
        Отзыв согласия
      </h2>
      {consent && <p className="muted">Подписано {formatRuDate(consent.signedOn)}</p>}
      <form
        method="dialog"
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-date`}>Дата отзыва</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            max={todayIso()}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t.actions.cancel}
          </button>
          <button type="submit" className="button button-danger">
            Отозвать
          </button>
        </div>
      </form>
    </dialog>
  );
}
