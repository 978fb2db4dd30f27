import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { addPlanItem } from '../../storage/planWrites';
import { type PlanItemFields } from '../../domain/plan';
import { planItemInputSchema } from '../../domain/plan.schema';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface ItemForm {
  title: string;
  dueDate: string;
}

/** Quick entry of a plan item at the end of the plan: what, and by when. Stays open for the next one. */
export function AddItemForm({ planId }: { planId: string }) {
  const id = useId();
  const [resolver] = useState(() => domainResolver<ItemForm, typeof planItemInputSchema>(planItemInputSchema, (v) => ({ ...v, planId })));
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ItemForm, unknown, PlanItemFields>({ defaultValues: { title: '', dueDate: '' }, resolver });
  const [added, setAdded] = useState('');

  const submit = handleSubmit(async ({ title, dueDate }) => {
    const item = await writeOrShowRefusal(setError, () => addPlanItem(planId, { title, dueDate }));
    if (item === REFUSED) return;
    setAdded(`Пункт «${item.title}» добавлен`);
    reset();
    setFocus('title');
  });

  return (
    <form className="add-item form" noValidate aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h3 id={`${id}-h`} className="add-item-title">
        Новый пункт
      </h3>
      <div className={`field${errors.title ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-title`}>Что сделать</label>
        <input
          id={`${id}-title`}
          autoComplete="off"
          enterKeyHint="done"
          placeholder="например, подготовить проект к конференции"
          aria-invalid={!!errors.title || undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          {...register('title')}
        />
        {errors.title && (
          <p className="field-error" id={`${id}-title-error`} role="alert">
            {errors.title.message}
          </p>
        )}
      </div>
      <div className="add-item-row">
        <div className={`field${errors.dueDate ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-due`}>Срок</label>
          <input id={`${id}-due`} type="date" aria-invalid={!!errors.dueDate || undefined} {...register('dueDate')} />
          {errors.dueDate && (
            <p className="field-error" role="alert">
              {errors.dueDate.message}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          Добавить пункт
        </button>
      </div>
      <FormErrorSummary errors={errors} />
      <p className="visually-hidden" aria-live="polite">
        {added}
      </p>
    </form>
  );
}
