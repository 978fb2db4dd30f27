import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { Consent } from '../domain/consent';
import { formatRuDate, todayIso } from '../domain/dates';
import { t } from '../i18n/ru';
import { useToasts } from './toastStore';
import { withdrawConsent } from '../storage/consentWrites';
import { REFUSED, writeOrShowRefusal } from './formResolver';
import { FormErrorSummary } from './FormErrorSummary';

/** The write checks the date (storage/consentWrites): whatever it refuses is said under the one field. */
const underTheDate = () => 'withdrawnOn';

/** Withdrawal of a consent: one date, on the native <dialog> (focus trapped, Esc closes). */
export function WithdrawDialog({ consent, onClose }: { consent: Consent | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ withdrawnOn: string }>({ defaultValues: { withdrawnOn: todayIso() } });
  const error = errors.withdrawnOn?.message;
  const show = useToasts((s) => s.show);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (consent && !d.open) {
      reset({ withdrawnOn: todayIso() });
      d.showModal();
    }
    if (!consent && d.open) d.close();
  }, [consent, reset]);

  const submit = handleSubmit(async ({ withdrawnOn }) => {
    if (!consent) return;
    if ((await writeOrShowRefusal(setError, () => withdrawConsent(consent, withdrawnOn), underTheDate)) === REFUSED) return;
    show('Согласие отмечено как отозванное');
    onClose();
  });

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
          void submit(e);
        }}
      >
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-date`}>Дата отзыва</label>
          <input
            id={`${id}-date`}
            type="date"
            max={todayIso()}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            {...register('withdrawnOn')}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <FormErrorSummary errors={errors} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t.actions.cancel}
          </button>
          <button type="submit" className="button button-danger" disabled={isSubmitting}>
            Отозвать
          </button>
        </div>
      </form>
    </dialog>
  );
}
