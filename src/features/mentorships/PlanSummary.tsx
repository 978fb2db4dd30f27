import { Link } from 'react-router';
import { formatRuDate, todayIso } from '../../domain/dates';
import type { Order } from '../../domain/order';
import { approvalState, planProgress, type Plan, type PlanItem } from '../../domain/plan';

/** The pair's plan at a glance: progress with its bar, the 90 % line, and whether an order approved it. */
export function PlanSummary({ mentorshipId, plans, items, orders }: { mentorshipId: string; plans: readonly Plan[]; items: readonly PlanItem[]; orders: ReadonlyMap<string, Order> }) {
  const plan = plans[0];
  if (!plan)
    return (
      <div className="plan-summary">
        <p className="muted">Индивидуального плана ещё нет. Дорожная карта: планы составляют в октябре на встрече-планировании.</p>
        <Link className="button" to={`/mentorships/${mentorshipId}/plan`}>
          Составить план
        </Link>
      </div>
    );
  const own = items.filter((i) => i.planId === plan.id);
  const p = planProgress(own, todayIso());
  const pct = p.share === null ? null : Math.round(p.share * 100);
  const state = approvalState(plan, own);
  const order = orders.get(plan.approvedByOrderId);
  return (
    <div className="plan-summary">
      <span className="list-title">{plan.title}</span>
      {pct === null ? (
        <span className="muted">Пунктов пока нет</span>
      ) : (
        <>
          <span className="progress-line">
            <progress className="plan-bar" max={100} value={pct} aria-label="Выполнение плана" />
            <strong>{pct}&nbsp;%</strong>
          </span>
          <span className="list-sub">
            выполнено {p.done} из {p.planned}
            {p.overdue > 0 ? `, просрочено ${p.overdue}` : ''}
          </span>
        </>
      )}
      <span className="badges">
        {p.share !== null && p.problem && <span className="badge badge-warn">меньше 90&nbsp;%</span>}
        {state === 'draft' && <span className="badge">не утверждён</span>}
        {state === 'approved' && <span className="badge badge-ok">утверждён{order ? ` приказом № ${order.number} от ${formatRuDate(order.date)}` : ''}</span>}
        {state === 'changedAfterApproval' && <span className="badge badge-warn">изменён после утверждения</span>}
      </span>
      {plans.length > 1 && <span className="list-sub">и ещё планов: {plans.length - 1}</span>}
      <Link className="button" to={`/mentorships/${mentorshipId}/plan`}>
        Открыть план
      </Link>
    </div>
  );
}
