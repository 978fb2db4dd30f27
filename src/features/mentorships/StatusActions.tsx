import { ActionForm } from '../../ui/ActionForm';
import { useEffect, useId, useRef, useState } from 'react';
import type { Mentorship, MentorshipStatus } from '../../domain/mentorship';
import { nextStatuses } from '../../domain/mentorshipList';
import { todayIso } from '../../domain/dates';
import { mentorshipStatusLabel, mentorshipTransitionLabel, t } from '../../i18n/ru';
import { useToasts } from '../../ui/toastStore';
import { changeStatus } from '../../storage/mentorshipWrites';
import { RecordRejected } from '../../domain/recordRules';

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
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const show = useToasts((s) => s.show);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (to && !d.open) {
      setDate(todayIso());
      setReason('');
      setErrors({});
      d.showModal();
    }
    if (!to && d.open) d.close();
  }, [to]);

  const submit = async () => {
    if (!to) return;
    try {
      await changeStatus(mentorship.id, to, todayIso(), { endDate: date, endReason: reason });
    } catch (e) {
      if (e instanceof RecordRejected) {
        setErrors(e.errors);
        return;
      }
      throw e;
    }
    show(to === 'interrupted' ? 'Работа прервана' : 'Работа завершена');
    onClose();
  };

  const early = to === 'interrupted';
  const field = (key: 'endDate' | 'endReason') => ({
    'aria-invalid': !!errors[key] || undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const err = (key: 'endDate' | 'endReason') =>
    errors[key] && (
      <p className="field-error" id={`${id}-${key}-error`} role="alert">
        {errors[key]}
      </p>
    );

  return (
    <dialog ref={ref} className="dialog" onCancel={onClose} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="dialog-title">
        {early ? 'Прервать работу досрочно' : 'Завершить работу'}
      </h2>
      <ActionForm className="form" onSubmit={submit}>
        <div className={`field${errors.endDate ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-date`}>Дата окончания</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} {...field('endDate')} />
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
            value={reason}
            onChange={(e) => setReason(e.target.value)}
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
    </dialog>
  );
}
