import { memo, useId, useState } from 'react';
import { PLAN_ITEM_STATUSES, type PlanItem, type PlanItemStatus } from '../../domain/plan';
import { formatRuDate } from '../../domain/dates';
import { planItemStatusLabel, t } from '../../i18n/ru';
import { useToasts } from '../../ui/toastStore';
import { updatePlanItem } from '../../storage/planWrites';
import { RecordRejected } from '../../domain/recordRules';
import { planItemsRepo } from '../../storage/repositories';

/** One item: its status changes in one tap; what was done, its evidence and the wording open below. */
export const PlanItemRow = memo(function PlanItemRow({ item, index, today }: { item: PlanItem; index: number; today: string }) {
  const id = useId();
  const show = useToasts((s) => s.show);
  const [open, setOpen] = useState(false);
  const [edit, setEdit] = useState({ title: item.title, dueDate: item.dueDate, result: item.result, evidence: item.evidence });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const overdue = item.status !== 'done' && item.status !== 'cancelled' && !!item.dueDate && item.dueDate < today;

  const setStatus = async (status: PlanItemStatus) => {
    await updatePlanItem(item.id, { status });
    show(`«${item.title}»: ${planItemStatusLabel[status]}`);
  };

  const save = async () => {
    try {
      await updatePlanItem(item.id, edit);
      setErrors({});
      setOpen(false);
      show('Пункт сохранён');
    } catch (e) {
      if (e instanceof RecordRejected) setErrors(e.errors);
      else throw e;
    }
  };

  const remove = async () => {
    await planItemsRepo.remove(item.id);
    show(`Пункт «${item.title}» удалён`, { label: t.actions.undo, run: () => void planItemsRepo.restore(item.id) });
  };

  const toggle = () => {
    if (!open) setEdit({ title: item.title, dueDate: item.dueDate, result: item.result, evidence: item.evidence });
    setOpen(!open);
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
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={`${id}-edit`} onClick={toggle}>
          {open ? 'Свернуть' : 'Подробнее'}
          <span className="visually-hidden"> о пункте «{item.title}»</span>
        </button>
      </div>
      {open && (
        <form
          id={`${id}-edit`}
          className="form plan-item-edit"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {(
            [
              ['title', 'Что сделать', 'input'],
              ['dueDate', 'Срок', 'date'],
              ['result', 'Результат', 'textarea'],
              ['evidence', 'Подтверждение (документ, ссылка, где лежит)', 'textarea'],
            ] as const
          ).map(([key, label, kind]) => (
            <div key={key} className={`field${errors[key] ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              {kind === 'textarea' ? (
                <textarea
                  id={`${id}-${key}`}
                  rows={2}
                  value={edit[key]}
                  onChange={(e) => setEdit({ ...edit, [key]: e.target.value })}
                  aria-invalid={!!errors[key] || undefined}
                />
              ) : (
                <input
                  id={`${id}-${key}`}
                  type={kind === 'date' ? 'date' : 'text'}
                  value={edit[key]}
                  onChange={(e) => setEdit({ ...edit, [key]: e.target.value })}
                  aria-invalid={!!errors[key] || undefined}
                />
              )}
              {errors[key] && (
                <p className="field-error" role="alert">
                  {errors[key]}
                </p>
              )}
            </div>
          ))}
          <div className="inline-actions">
            <button type="submit" className="button button-primary button-small">
              {t.actions.save}
            </button>
            <button type="button" className="button button-danger button-small" onClick={() => void remove()}>
              Удалить пункт
            </button>
          </div>
        </form>
      )}
    </li>
  );
});
