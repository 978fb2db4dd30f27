import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { plural } from '../../domain/text';
import { approvalState, planProgress, type Plan, type PlanFields, type PlanItem } from '../../domain/plan';
import { planInputSchema } from '../../domain/plan.schema';
import { defaultPlanTitle } from '../../domain/mentorshipList';
import { formatRuDate, todayIso } from '../../domain/dates';
import type { Order } from '../../domain/order';
import { t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/toastStore';
import { AddItemForm } from './AddItemForm';
import { PlanItemRow } from './PlanItemRow';
import { createPlan, removePlan, renamePlan, restorePlan } from '../../storage/planWrites';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { usePlanData } from '../../data/plans';

const TITLE = 'Индивидуальный план';

export function PlanPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const data = usePlanData(id);
  const backTo = `/mentorships/${id}`;

  if (data === undefined) return <Page title={TITLE} backTo={backTo}>{null}</Page>;
  if (data === null)
    return (
      <Page title={TITLE} backTo="/mentorships">
        <EmptyState title="Пара или группа не найдена">
          <p>Возможно, её удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );

  const plan = data.plans.find((p) => p.id === params.get('plan')) ?? data.plans[0];
  if (!plan)
    return (
      <Page title={TITLE} backTo={backTo}>
        <EmptyState title="Плана ещё нет">
          <p>Составьте план на встрече-планировании: сначала название, потом пункты — что сделать и к какому сроку.</p>
          <CreatePlanForm mentorshipId={id} defaultTitle={defaultPlanTitle(data.mentorship, data.people)} />
        </EmptyState>
      </Page>
    );

  return (
    <Page title={TITLE} backTo={backTo}>
      {data.plans.length > 1 && (
        <nav className="notice" aria-label="Планы этой пары">
          У этой пары несколько планов (например, составленных на разных устройствах):{' '}
          {data.plans.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              {p.id === plan.id ? <strong>{p.title}</strong> : <Link to={`?plan=${p.id}`}>{p.title}</Link>}
            </span>
          ))}
        </nav>
      )}
      <PlanView plan={plan} items={data.items.filter((i) => i.planId === plan.id)} order={data.orders.get(plan.approvedByOrderId)} mentorshipId={id} />
    </Page>
  );
}

interface TitleForm {
  title: string;
}

/** A plan's one field: its title, checked by the plan's schema; whatever refuses the plan is said under it. */
const toTitle = () => 'title';

function usePlanTitleForm(mentorshipId: string, title: string) {
  const [resolver] = useState(() => domainResolver<TitleForm, typeof planInputSchema>(planInputSchema, (v) => ({ mentorshipId, title: v.title }), { fieldOf: toTitle }));
  return useForm<TitleForm, unknown, PlanFields>({ defaultValues: { title }, resolver });
}

function CreatePlanForm({ mentorshipId, defaultTitle }: { mentorshipId: string; defaultTitle: string }) {
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = usePlanTitleForm(mentorshipId, defaultTitle);
  const error = errors.title?.message;
  return (
    <form className="form" noValidate onSubmit={handleSubmit((f) => writeOrShowRefusal(setError, () => createPlan(mentorshipId, f.title), toTitle))}>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-title`}>Название плана</label>
        <input id={`${id}-title`} aria-invalid={!!error || undefined} aria-describedby={error ? `${id}-error` : undefined} {...register('title')} />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary">
        Создать план
      </button>
    </form>
  );
}

function PlanView({ plan, items, order, mentorshipId }: { plan: Plan; items: PlanItem[]; order: Order | undefined; mentorshipId: string }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const today = todayIso();
  const p = planProgress(items, today);
  const pct = p.share === null ? null : Math.round(p.share * 100);
  const state = approvalState(plan, items);
  // On a mentor's phone the order itself may not have come (a pair file carries the pair, not the school's orders).
  const orderText = order ? `приказом № ${order.number} от ${formatRuDate(order.date)}` : 'приказом директора (сам приказ — у куратора)';

  const remove = async () => {
    setConfirming(false);
    const itemIds = await removePlan(plan.id);
    show('План удалён', { label: t.actions.undo, run: () => void restorePlan(plan.id, itemIds) });
    navigate(`/mentorships/${mentorshipId}`, { replace: true });
  };

  return (
    <>
      {renaming ? (
        <RenameForm plan={plan} onDone={() => setRenaming(false)} />
      ) : (
        <div className="plan-title-row">
          <h2 className="plan-title">{plan.title}</h2>
          <button type="button" className="button button-small" onClick={() => setRenaming(true)} aria-label="Переименовать план">
            Переименовать
          </button>
          <Link className="button button-small" to={`/mentorships/${mentorshipId}/plan/print?plan=${plan.id}`}>
            Печать
          </Link>
        </div>
      )}

      <p className={`notice ${state === 'approved' ? 'notice-ok' : state === 'changedAfterApproval' ? 'notice-warn' : ''}`} data-testid="plan-approval">
        {state === 'draft' && 'Черновик: план ещё не утверждён приказом директора.'}
        {state === 'approved' && <>Утверждён {order ? <Link to={`/orders/${order.id}`}>{orderText}</Link> : orderText}.</>}
        {state === 'changedAfterApproval' && (
          <>
            Изменён после утверждения {order ? <Link to={`/orders/${order.id}`}>{orderText}</Link> : orderText}: пункты или сроки уже не те, что утверждены.
          </>
        )}
      </p>

      <section className="plan-progress" aria-labelledby="progress-h" aria-live="polite">
        <h2 id="progress-h" className="visually-hidden">
          Выполнение
        </h2>
        {pct === null ? (
          <p className="muted">Пунктов пока нет: добавьте первый ниже.</p>
        ) : (
          <>
            <p className="progress-line">
              <progress className="plan-bar" max={100} value={pct} aria-label="Выполнение плана" />
              <strong data-testid="plan-percent">{pct}&nbsp;%</strong>
            </p>
            <p className="list-sub">
              Выполнено {p.done} из {p.planned}
              {p.overdue > 0 ? `, просрочено ${p.overdue}` : ''}
            </p>
            {p.overdue > 0 && (
              <p className="notice notice-warn" data-testid="plan-overdue">
                Просрочено: {plural(p.overdue, { one: 'пункт', few: 'пункта', many: 'пунктов' })}. Выполните или перенесите срок.
              </p>
            )}
            {p.problem ? (
              p.allDue ? (
                <p className="notice notice-warn" data-testid="plan-flag">
                  Меньше 90&nbsp;%: сроки всех пунктов прошли, и дорожная карта считает такой план проблемным.
                </p>
              ) : (
                <p className="muted" data-testid="plan-flag">
                  Меньше 90&nbsp;% пока: к сроку плана нужно выполнить не меньше 90&nbsp;% пунктов.
                </p>
              )
            ) : (
              <p className="notice notice-ok">План выполнен не меньше чем на 90&nbsp;%.</p>
            )}
          </>
        )}
      </section>

      {items.length > 0 && (
        <ol className="plan-items" aria-label="Пункты плана">
          {items.map((item, i) => (
            <PlanItemRow key={item.id} item={item} index={i} today={today} />
          ))}
        </ol>
      )}
      <AddItemForm planId={plan.id} />

      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          Удалить план
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        message={
          state === 'draft'
            ? `Удалить план «${plan.title}» со всеми пунктами?`
            : `План «${plan.title}» утверждён приказом. Удалить его со всеми пунктами? Приказ останется, а утверждённого плана у пары не будет.`
        }
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

function RenameForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = usePlanTitleForm(plan.mentorshipId, plan.title);
  const error = errors.title?.message;
  const submit = handleSubmit(async (f) => {
    if ((await writeOrShowRefusal(setError, () => renamePlan(plan.id, f.title), toTitle)) !== REFUSED) onDone();
  });
  return (
    <form className="form plan-rename" noValidate onSubmit={submit}>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-t`}>Название плана</label>
        <input id={`${id}-t`} autoFocus aria-invalid={!!error || undefined} {...register('title')} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary button-small">
          {t.actions.save}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t.actions.cancel}
        </button>
      </div>
    </form>
  );
}
