import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import {
  ERASURE_NOTES,
  erasedKinds,
  erasureRequestSchema,
  KEPT_FACTS,
  REASON_OPTIONS,
  type ErasureRequestForm,
} from '../../domain/erasureRequest';
import { erasePersonHere, erasureLogEntryOf } from '../../storage/onThisDevice';
import { t } from '../../i18n/ru';
import { TextField } from '../../ui/fields';
import { domainResolver } from '../../ui/formResolver';
import { failureReason } from '../../ui/unexpectedErrors';

const resolver = domainResolver<ErasureRequestForm, typeof erasureRequestSchema>(erasureRequestSchema, (v) => v);

/**
 * «Уничтожить персональные данные» on the native <dialog> (focus trapped, Esc closes): what goes and what stays,
 * who performs it and why, then the erasure (erasePerson, one transaction) and the act.
 */
export function EraseDialog({ open, personId, name, initial, onClose }: { open: boolean; personId: string; name: string; initial: ErasureRequestForm; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const navigate = useNavigate();
  const [problem, setProblem] = useState('');
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ErasureRequestForm, unknown, ReturnType<typeof erasureRequestSchema.parse>>({ defaultValues: initial, resolver });

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      reset(initial);
      setProblem('');
      d.showModal();
      // The dialog starts at its top, on its title: what goes and what stays is read before the form, not skipped.
      title.current?.focus();
      d.scrollTop = 0;
    }
    if (!open && d.open) d.close();
    // the first values are taken each time the dialog opens
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = handleSubmit(async (f) => {
    setProblem('');
    try {
      const r = await erasePersonHere(personId, { reason: f.reason, by: { name: f.performerName, position: f.performerPosition } });
      const entry = r.log ?? (await erasureLogEntryOf(personId));
      onClose();
      if (entry) navigate(`/erasures/${entry.id}/act`, { state: { entry } });
    } catch (e) {
      setProblem(`Данные не уничтожены: ${failureReason(e)}`);
    }
  });

  return (
    <dialog ref={ref} className="dialog erase-dialog" onCancel={onClose} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="dialog-title" ref={title} tabIndex={-1}>
        Уничтожить персональные данные
      </h2>
      <p>
        <b>{name}</b>: данные будут уничтожены на этом устройстве сразу, а на других — когда они получат файл обмена с этого.
      </p>
      <h3 className="erase-h">Что уничтожается</h3>
      <ul className="erase-list">
        {erasedKinds().map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
      <p className="muted">— везде, где это хранится: в карточке, согласиях, парах, встречах, планах, анкетах, а также в сохранённых конфликтах, черновиках и данных для отмены импорта.</p>
      <h3 className="erase-h">Что остаётся (обезличенно)</h3>
      <ul className="erase-list">
        {KEPT_FACTS.map((k) => (
          <li key={k}>{k}</li>
        ))}
      </ul>
      {ERASURE_NOTES.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        <TextField label="Кто уничтожает: фамилия, имя, отчество" required autoComplete="off" error={errors.performerName?.message} {...register('performerName')} />
        <TextField label="Должность" required autoComplete="off" error={errors.performerPosition?.message} {...register('performerPosition')} />
        <fieldset className={`field${errors.reason ? ' field-invalid' : ''}`} aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
          <legend>Причина уничтожения</legend>
          <div className="radio-list">
            {REASON_OPTIONS.map((o) => (
              <label key={o.value} className="checkbox erase-reason">
                <input type="radio" value={o.value} {...register('reason')} /> {o.label}
              </label>
            ))}
          </div>
          {errors.reason && (
            <p className="field-error" id={`${id}-reason-error`} role="alert">
              {errors.reason.message}
            </p>
          )}
        </fieldset>
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t.actions.cancel}
          </button>
          <button type="submit" className="button button-danger" disabled={isSubmitting} aria-busy={isSubmitting}>
            Уничтожить
          </button>
        </div>
      </form>
    </dialog>
  );
}
