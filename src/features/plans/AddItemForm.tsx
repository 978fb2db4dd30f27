import { useId, useRef, useState } from 'react';
import { addPlanItem } from './planStore';
import { RecordRejected } from '../../domain/recordRules';

/** Quick entry of a plan item at the end of the plan: what, and by when. Stays open for the next one. */
export function AddItemForm({ planId }: { planId: string }) {
  const id = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState('');

  const submit = async () => {
    setBusy(true);
    try {
      const item = await addPlanItem(planId, { title, dueDate });
      setAdded(`Пункт «${item.title}» добавлен`);
      setTitle('');
      setDueDate('');
      setErrors({});
      titleRef.current?.focus();
    } catch (e) {
      if (e instanceof RecordRejected) setErrors(e.errors);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="add-item form"
      noValidate
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-h`} className="add-item-title">
        Новый пункт
      </h3>
      <div className={`field${errors.title ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-title`}>Что сделать</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          autoComplete="off"
          enterKeyHint="done"
          placeholder="например, подготовить проект к конференции"
          aria-invalid={!!errors.title || undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
        />
        {errors.title && (
          <p className="field-error" id={`${id}-title-error`} role="alert">
            {errors.title}
          </p>
        )}
      </div>
      <div className="add-item-row">
        <div className={`field${errors.dueDate ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-due`}>Срок</label>
          <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-invalid={!!errors.dueDate || undefined} />
          {errors.dueDate && (
            <p className="field-error" role="alert">
              {errors.dueDate}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          Добавить пункт
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {added}
      </p>
    </form>
  );
}
