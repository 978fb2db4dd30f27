import { Link } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import type { Mentorship } from '../../domain/mentorship';
import type { OrderKind } from '../../domain/order';
import type { OrderContext } from '../../domain/orderDocument';
import { mentorshipLine, type OrderCandidate } from '../../domain/orderPreparation';
import { plural } from '../../domain/text';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { ChecklistField } from './ChecklistField';

interface Props {
  kind: OrderKind;
  candidates: OrderCandidate<Mentorship>[];
  ticked: string[];
  onChange: (ids: string[]) => void;
  people: OrderContext['people'];
  formNames: ReadonlyMap<string, string>;
  orders: readonly { id: string; number: string; date: string }[];
  error?: string;
}

/** The pairs/groups an order covers: one checkbox each, with the plan's item count and approval for an approval order. */
export function MentorshipChecklist({ kind, candidates, ticked, onChange, people, formNames, orders, error }: Props) {
  const approvals = kind === 'approvePlans';
  const set = new Set(ticked);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const toggle = (mid: string, on: boolean) => onChange(on ? [...ticked, mid] : ticked.filter((x) => x !== mid));

  return (
    <ChecklistField
      legend={approvals ? 'Пары и группы, чьи планы утверждаются' : 'Закрепляемые пары и группы'}
      all={candidates.map((c) => c.mentorship.id)}
      ticked={ticked}
      onChange={onChange}
      error={error}
      empty={
        <div className="empty-state" data-testid="no-candidates">
          <p>
            {approvals
              ? 'Нет активных или формирующихся пар и групп с индивидуальным планом. Сначала составьте планы.'
              : 'Нет активных или формирующихся пар и групп.'}
          </p>
          <Link to="/mentorships">К парам и группам</Link>
        </div>
      }
    >
      {candidates.map(({ mentorship: m, plans, itemCount }) => {
        const approvedBy = plans.map((p) => (p.approval === 'approved' ? orderById.get(p.approvedByOrderId) : undefined)).find(Boolean);
        const changed = plans.some((p) => p.approval === 'changedAfterApproval');
        return (
          <li key={m.id}>
            <label className="check-item">
              <input type="checkbox" checked={set.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span>
                <span className="list-title">{mentorshipLine(m, people)}</span>
                <span className="list-sub">{[m.title, formNames.get(m.formId), mentorshipStatusLabel[m.status]].filter(Boolean).join(' · ')}</span>
                {approvals && (
                  <span className="badges">
                    <span className="badge">план: {plural(itemCount, { one: 'пункт', few: 'пункта', many: 'пунктов' })}</span>
                    {approvedBy && (
                      <span className="badge badge-ok">
                        утверждён приказом № {approvedBy.number} от {formatRuDate(approvedBy.date)}
                      </span>
                    )}
                    {changed && <span className="badge badge-warn">изменён после утверждения</span>}
                  </span>
                )}
              </span>
            </label>
          </li>
        );
      })}
    </ChecklistField>
  );
}
