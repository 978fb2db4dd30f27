import { memo, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PLAN_ITEM_STATUSES, type PlanItem, type PlanItemFields, type PlanItemStatus } from '../../domain/plan';
import { planItemInputSchema } from '../../domain/plan.schema';
import { formatRuDate } from '../../domain/dates';
import { planItemStatusLabel, t } from '../../i18n/ru';
import { useToasts } from '../../ui/toastStore';
import { updatePlanItem } from '../../storage/planWrites';
import { planItemsRepo } from '../../storage/repositories';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';

/** What «Подробнее» edits of an item; its status has its own control in the row. */
interface EditForm {
  title: string;
  dueDate: string;
  result: string;
  evidence: string;
}
const editOf = (item: PlanItem): EditForm => ({ title: item.title, dueDate: item.dueDate, result: item.result, evidence: item.evidence });

/** One item: its status changes in one tap; what was done, its evidence and the wording open below. */
export const PlanItemRow = memo(function PlanItemRow({ item, index, today }: { item: PlanItem; index: number; today: string }) {
  const id = useId();
  const show = useToasts((s) => s.show);
  const [open, setOpen] = useState(false);
  const overdue = item.status !== 'done' && item.status !== 'cancelled' && !!item.dueDate && item.dueDate < today;

  const setStatus = async (status: PlanItemStatus) => {
    await updatePlanItem(item.id, { status });
    show(`«${item.title}»: ${planItemStatusLabel[status]}`);
  };

  const remove = async () => {
    await planItemsRepo.remove(item.id);
    show(`Пункт «${item.title}» удалён`, { label: t.actions.undo, run: () => void planItemsRepo.restore(item.id) });
  };

  return (
    <li className={`plan-item plan-item-${item.status}`} aria-labelledby={`${id}-t`}>
      <div className="plan-item-head">
        <span className="plan-item-no" aria-hidden="true">
          {index + 1}.
        </span>
        <span className="plan-item-main">
          <span className="list-title" id={`${id}-t`}>
            {item.title}
          </span>
          <span className="list-sub">
            {item.dueDate ? `срок ${formatRuDate(item.dueDate)}` : 'без срока'}
            {overdue && (
              <>
                {' '}
                <span className="badge badge-warn">просрочен</span>
              </>
            )}
          </span>
          {item.result && <span className="list-sub">Результат: {item.result}</span>}
          {item.evidence && <span className="list-sub">Подтверждение: {item.evidence}</span>}
        </span>
      </div>
      <div className="plan-item-actions">
        <label className="visually-hidden" htmlFor={`${id}-status`}>
          Статус пункта «{item.title}»
        </label>
        <select id={`${id}-status`} className="status-select" value={item.status} onChange={(e) => void setStatus(e.target.value as PlanItemStatus)}>
          {PLAN_ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {planItemStatusLabel[s]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={`${id}-edit`} onClick={() => setOpen(!open)}>
          {open ? 'Свернуть' : 'Подробнее'}
          <span className="visually-hidden"> о пункте «{item.title}»</span>
        </button>
      </div>
      {open && <ItemEditForm item={item} formId={`${id}-edit`} idPrefix={id} onSaved={() => setOpen(false)} onRemove={() => void remove()} />}
    </li>
  );
});

const EDIT_FIELDS = [
  ['title', 'Что сделать', 'input'],
  ['dueDate', 'Срок', 'date'],
  ['result', 'Результат', 'textarea'],
  ['evidence', 'Подтверждение (документ, ссылка, где лежит)', 'textarea'],
] as const;

/** «Подробнее»: the item's wording, date, result and evidence, with the item's values each time it opens. */
function ItemEditForm({ item, formId, idPrefix, onSaved, onRemove }: { item: PlanItem; formId: string; idPrefix: string; onSaved: () => void; onRemove: () => void }) {
  const show = useToasts((s) => s.show);
  // The whole item as the table's rules read it, with this form's fields over it.
  const [resolver] = useState(() =>
    domainResolver<EditForm, typeof planItemInputSchema>(planItemInputSchema, (v) => ({ planId: item.planId, status: item.status, order: item.order, ...v })),
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EditForm, unknown, PlanItemFields>({ defaultValues: editOf(item), resolver });

  const save = handleSubmit(async ({ title, dueDate, result, evidence }) => {
    if ((await writeOrShowRefusal(setError, () => updatePlanItem(item.id, { title, dueDate, result, evidence }))) === REFUSED) return;
    onSaved();
    show('Пункт сохранён');
  });

  return (
    <form id={formId} className="form plan-item-edit" noValidate onSubmit={save}>
      {EDIT_FIELDS.map(([key, label, kind]) => {
        const error = errors[key]?.message;
        return (
          <div key={key} className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
            {kind === 'textarea' ? (
              <textarea id={`${idPrefix}-${key}`} rows={2} aria-invalid={!!error || undefined} {...register(key)} />
            ) : (
              <input id={`${idPrefix}-${key}`} type={kind === 'date' ? 'date' : 'text'} aria-invalid={!!error || undefined} {...register(key)} />
            )}
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="inline-actions">
        <button type="submit" className="button button-primary button-small">
          {t.actions.save}
        </button>
        <button type="button" className="button button-danger button-small" onClick={onRemove}>
          Удалить пункт
        </button>
      </div>
    </form>
  );
}
