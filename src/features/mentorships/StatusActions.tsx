import { ActionForm } from '../../ui/ActionForm';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { type Mentorship, type MentorshipFields, type MentorshipStatus } from '../../domain/mentorship';
import { mentorshipInputSchema } from '../../domain/mentorship.schema';
import { nextStatuses, withStatus } from '../../domain/mentorshipList';
import { todayIso } from '../../domain/dates';
import { mentorshipStatusLabel, mentorshipTransitionLabel, t } from '../../i18n/ru';
import { useToasts } from '../../ui/toastStore';
import { changeStatus } from '../../storage/mentorshipWrites';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';

interface EndForm {
  endDate: string;
  endReason: string;
}

/** Buttons for the moves canTransition allows; ending asks for the date, and an early end for its reason. */
export function StatusActions({ mentorship }: { mentorship: Mentorship }) {
  const [ending, setEnding] = useState<'finished' | 'interrupted' | null>(null);
  const show = useToasts((s) => s.show);
  const moves = nextStatuses(mentorship.status);
  if (moves.length === 0) return null;

  const move = async (to: MentorshipStatus) => {
    if (to === 'finished' || to === 'interrupted') {
      setEnding(to);
      return;
    }
    await changeStatus(mentorship.id, to, todayIso());
    show(`Статус: ${mentorshipStatusLabel[to]}`);
  };

  return (
    <>
      <div className="inline-actions status-actions">
        {moves.map((to) => (
          <button key={to} type="button" className={`button button-small${to === 'interrupted' ? ' button-danger' : ''}`} onClick={() => void move(to)}>
            {mentorshipTransitionLabel[to]}
          </button>
        ))}
      </div>
      <EndDialog mentorship={mentorship} to={ending} onClose={() => setEnding(null)} />
    </>
  );
}

function EndDialog({ mentorship, to, onClose }: { mentorship: Mentorship; to: 'finished' | 'interrupted' | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (to && !d.open) d.showModal();
    if (!to && d.open) d.close();
  }, [to]);

  return (
    <dialog ref={ref} className="dialog" onCancel={onClose} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="dialog-title">
        {to === 'interrupted' ? 'Прервать работу досрочно' : 'Завершить работу'}
      </h2>
      {/* The form lives only while the dialog is open: each opening starts from today's date and an empty reason,
          with no reset racing the first keystrokes. */}
      {to && <EndFormBody key={to} mentorship={mentorship} to={to} id={id} onClose={onClose} />}
    </dialog>
  );
}

function EndFormBody({ mentorship, to, id, onClose }: { mentorship: Mentorship; to: 'finished' | 'interrupted'; id: string; onClose: () => void }) {
  const show = useToasts((s) => s.show);
  // The pair as it would be stored with this end, checked by the pair's own rules (changeStatus checks it again).
  const resolver = useMemo(
    () => domainResolver<EndForm, typeof mentorshipInputSchema>(mentorshipInputSchema, (v) => withStatus(mentorship, to, todayIso(), v)),
    [mentorship, to],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EndForm, unknown, MentorshipFields>({ defaultValues: { endDate: todayIso(), endReason: '' }, resolver });

  const submit = handleSubmit(async (fields) => {
    const change = { endDate: fields.endDate, endReason: fields.endReason };
    if ((await writeOrShowRefusal(setError, () => changeStatus(mentorship.id, to, todayIso(), change))) === REFUSED) return;
    show(to === 'interrupted' ? 'Работа прервана' : 'Работа завершена');
    onClose();
  });

  const early = to === 'interrupted';
  const field = (key: keyof EndForm) => ({
    'aria-invalid': !!errors[key] || undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
    ...register(key),
  });
  const err = (key: keyof EndForm) =>
    errors[key] && (
      <p className="field-error" id={`${id}-${key}-error`} role="alert">
        {errors[key].message}
      </p>
    );

  return (
    <ActionForm className="form" onSubmit={submit}>
      <div className={`field${errors.endDate ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-date`}>Дата окончания</label>
        <input id={`${id}-date`} type="date" {...field('endDate')} />
        {err('endDate')}
      </div>
      <div className={`field${errors.endReason ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-reason`}>
          {early ? 'Причина' : 'Итог или комментарий'}
          {early && <span aria-hidden="true"> *</span>}
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          aria-required={early || undefined}
          placeholder={early ? 'Например: переезд семьи, смена школы' : ''}
          {...field('endReason')}
        />
        {err('endReason')}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t.actions.cancel}
        </button>
        <button type="submit" className={`button ${early ? 'button-danger' : 'button-primary'}`}>
          {early ? 'Прервать' : 'Завершить'}
        </button>
      </div>
    </ActionForm>
  );
}
