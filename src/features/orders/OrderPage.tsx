import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import { orderDocument } from '../../domain/orderDocument';
import { mentorshipLine, orderFileName } from '../../domain/orderPreparation';
import { approvalState } from '../../domain/plan';
import { orderDocx } from '../../storage/documents/orderDocx';
import { orderKindLabel } from '../../i18n/ru';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { PrintActions } from '../../ui/Paper';
import { useToasts } from '../../ui/toastStore';
import { OrderPaper } from './OrderPaper';
import { removeOrder } from '../../storage/orderWrites';
import { useOrder, useOrderData } from '../../data/orders';

const APPROVAL_TEXT = { draft: 'утверждение снято', approved: 'утверждён', changedAfterApproval: 'изменён после утверждения' } as const;

/** An order: its print view, «Скачать DOCX» in the same layout, and the plans it approved. */
export function OrderPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const order = useOrder(id);
  const data = useOrderData();
  const [confirming, setConfirming] = useState(false);
  const show = useToasts((s) => s.show);

  if (order === undefined || !data) return <Page title="Приказ" backTo="/orders">{null}</Page>;
  if (order === null)
    return (
      <Page title="Приказ" backTo="/orders">
        <EmptyState title="Приказ не найден">
          <p>Возможно, его удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );

  const doc = orderDocument(order, data.ctx);
  const title = `Приказ № ${order.number}`;
  const approvedPlans = data.plans.filter((p) => order.planIds.includes(p.id));
  const mentorshipById = new Map(data.mentorships.map((m) => [m.id, m]));


  const remove = async () => {
    setConfirming(false);
    await removeOrder(order.id);
    show(`Приказ № ${order.number} удалён`);
    navigate('/orders', { replace: true });
  };

  return (
    <Page title={title} backTo="/orders">
      <div className="no-print">
        <p className="muted">
          {orderKindLabel[order.kind]} · от {formatRuDate(order.date)}
        </p>
        {!data.school?.directorName && (
          <p className="notice notice-warn">
            В профиле школы не указано ФИО директора: строка подписи останется пустой. Его можно указать в настройках.
          </p>
        )}
        <PrintActions make={async () => ({ blob: await orderDocx(doc), fileName: orderFileName(order), title: `${title} — ${order.title}` })} />
      </div>

      <OrderPaper doc={doc} />

      <div className="no-print">
        {order.kind === 'approvePlans' && (
          <section aria-labelledby="approved-plans">
            <h2 id="approved-plans">Утверждённые планы: {approvedPlans.length}</h2>
            {approvedPlans.length === 0 ? (
              <p className="muted">Приказ не утвердил ни одного плана.</p>
            ) : (
              <ul className="list" aria-label="Планы, утверждённые приказом">
                {approvedPlans.map((p) => {
                  const m = mentorshipById.get(p.mentorshipId);
                  const own = data.items.filter((i) => i.planId === p.id);
                  const state = p.approvedByOrderId === order.id ? approvalState(p, own) : 'draft';
                  return (
                    <li key={p.id} className="list-item" data-testid="approved-plan">
                      <span className="list-title">{p.title}</span>
                      {m && <span className="list-sub">{mentorshipLine(m, data.ctx.people)}</span>}
                      <span className="badges">
                        <span className={`badge ${state === 'approved' ? 'badge-ok' : 'badge-warn'}`}>{APPROVAL_TEXT[state]}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Удалить приказ
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        message={
          order.kind === 'approvePlans'
            ? `Удалить приказ № ${order.number}? Планы, которые он утвердил, снова станут неутверждёнными.`
            : order.kind === 'rewardMentors'
              ? `Удалить приказ № ${order.number}? Поощрения, которые он дал, снова будут без приказа.`
              : `Удалить приказ № ${order.number}?`
        }
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
    </Page>
  );
}
