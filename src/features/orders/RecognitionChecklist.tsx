import { Link } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import type { OrderContext } from '../../domain/orderDocument';
import { fullName } from '../../domain/person';
import { recognitionLabel, type Recognition } from '../../domain/recognition';
import { ChecklistField } from './ChecklistField';

interface Props {
  recognitions: readonly Recognition[];
  people: OrderContext['people'];
  ticked: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/** The recognitions an order «О поощрении наставников» gives: those no order has given yet, one checkbox each. */
export function RecognitionChecklist({ recognitions, people, ticked, onChange, error }: Props) {
  const set = new Set(ticked);
  const toggle = (rid: string, on: boolean) => onChange(on ? [...ticked, rid] : ticked.filter((x) => x !== rid));
  return (
    <ChecklistField
      legend="Поощрения, которые даёт приказ"
      all={recognitions.map((r) => r.id)}
      ticked={ticked}
      onChange={onChange}
      error={error}
      empty={
        <div className="empty-state" data-testid="no-recognitions">
          <p>Все записанные поощрения уже вошли в приказы. Сначала запишите, кого и за что поощрить.</p>
          <Link to="/recognitions">К поощрениям</Link>
        </div>
      }
    >
      {recognitions.map((r) => {
        const p = people.get(r.personId);
        return (
          <li key={r.id}>
            <label className="check-item">
              <input type="checkbox" checked={set.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
              <span>
                <span className="list-title">{p ? fullName(p) : '(участник удалён)'}</span>
                <span className="list-sub">
                  {recognitionLabel(r)} · {formatRuDate(r.date)} · {r.reason}
                </span>
              </span>
            </label>
          </li>
        );
      })}
    </ChecklistField>
  );
}
