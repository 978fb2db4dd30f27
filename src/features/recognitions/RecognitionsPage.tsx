import { ActionForm } from '../../ui/ActionForm';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatRuDate, todayIso } from '../../domain/dates';
import { fullName } from '../../domain/person';
import {
  RECOGNITION_KIND_LABELS,
  RECOGNITION_KINDS,
  recognitionInputSchema,
  recognitionLabel,
  recognitionsForOrder,
  type Recognition,
  type RecognitionKind,
} from '../../domain/recognition';
import { fieldErrors } from '../../domain/zodErrors';
import { ordersRepo, recognitionsRepo } from '../../storage/repositories';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { usePeople } from '../../data/hooks';

const EMPTY = { personIds: [] as string[], kind: 'thanks' as RecognitionKind, title: '', reason: '', date: todayIso() };

/** Поощрение наставников: who was thanked or awarded, for what, and by which order of the director. */
export function RecognitionsPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const recognitions = useLiveQuery(() => recognitionsRepo.list(), []);
  const people = usePeople();
  const orders = useLiveQuery(() => ordersRepo.list(), []);
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<Recognition | null>(null);
  const options = useMemo(() => (people ? personOptions(people, 'mentor') : []), [people]);
  if (!recognitions || !people || !orders) return <Page title="Поощрение наставников" backTo="/more">{null}</Page>;

  const byId = new Map(people.map((p) => [p.id, p]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const sorted = [...recognitions].sort((a, b) => b.date.localeCompare(a.date) || a.createdAt.localeCompare(b.createdAt));
  const withoutOrder = recognitionsForOrder(recognitions, new Set(orderById.keys())).length;

  const add = async () => {
    const parsed = recognitionInputSchema.safeParse({ personId: f.personIds[0] ?? '', kind: f.kind, title: f.title, reason: f.reason, date: f.date });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await recognitionsRepo.save(parsed.data);
    const p = byId.get(parsed.data.personId);
    show(`Поощрение записано: ${p ? fullName(p) : ''}`);
    setF({ ...EMPTY, kind: f.kind, date: f.date });
  };

  return (
    <Page title="Поощрение наставников" backTo="/more">
      {sorted.length === 0 ? (
        <EmptyState title="Поощрений пока нет">
          <p>Запишите благодарности, грамоты и звания («Наставник года»), а затем подготовьте приказ директора о поощрении.</p>
        </EmptyState>
      ) : (
        <>
          {withoutOrder > 0 && (
            <p className="notice">
              Без приказа: {withoutOrder}.{' '}
              <Link to="/orders/new?kind=rewardMentors">Подготовить приказ о поощрении</Link>
            </p>
          )}
          <ul className="list" aria-label="Поощрения">
            {sorted.map((r) => {
              const p = byId.get(r.personId);
              const order = orderById.get(r.orderId);
              return (
                <li key={r.id} className="list-item">
                  <span className="list-title">{p ? <Link to={`/people/${p.id}`}>{fullName(p)}</Link> : '(участник удалён)'}</span>
                  <span className="list-sub">
                    {recognitionLabel(r)} · {formatRuDate(r.date)}
                  </span>
                  <span className="list-sub">{r.reason}</span>
                  <span className="list-sub">
                    {order ? <Link to={`/orders/${order.id}`}>по приказу № {order.number} от {formatRuDate(order.date)}</Link> : <span className="badge badge-warn">без приказа</span>}
                  </span>
                  <span className="inline-actions">
                    <button type="button" className="button button-small button-danger" aria-label={`Удалить поощрение: ${p ? fullName(p) : ''}`} onClick={() => setRemoving(r)}>
                      Удалить
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <ActionForm className="form card-section" onSubmit={add}>
        <h2 id={`${id}-h`}>Записать поощрение</h2>
        <PersonPicker
          label="Наставник"
          required
          max={1}
          options={options}
          value={f.personIds}
          onChange={(personIds) => setF({ ...f, personIds })}
          preferredHeading="Наставники"
          othersHeading="Остальные участники"
          error={errors.personId}
        />
        <SelectField
          label="Вид поощрения"
          value={f.kind}
          onChange={(e) => setF({ ...f, kind: e.target.value as RecognitionKind })}
          options={RECOGNITION_KINDS.map((k) => ({ value: k, label: RECOGNITION_KIND_LABELS[k] }))}
        />
        <TextField
          label={f.kind === 'title' ? 'Звание' : 'Название'}
          required={f.kind === 'title' || f.kind === 'other'}
          hint={f.kind === 'title' ? 'Например, «Наставник года»' : f.kind === 'other' ? 'Какое поощрение: премия, подарок, поездка…' : 'Если нужно уточнить'}
          value={f.title}
          error={errors.title}
          onChange={(e) => setF({ ...f, title: e.target.value })}
        />
        <TextAreaField label="За что" required value={f.reason} error={errors.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} />
        <TextField label="Дата" type="date" required value={f.date} error={errors.date} onChange={(e) => setF({ ...f, date: e.target.value })} />
        <button type="submit" className="button button-primary button-block">
          Записать
        </button>
      </ActionForm>
      <ConfirmDialog
        open={removing !== null}
        message={removing ? `Удалить поощрение «${recognitionLabel(removing)}»?` : ''}
        onConfirm={async () => {
          if (removing) await recognitionsRepo.remove(removing.id);
          setRemoving(null);
          show('Поощрение удалено');
        }}
        onCancel={() => setRemoving(null)}
      />
    </Page>
  );
}
