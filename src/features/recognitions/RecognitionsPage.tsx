import { useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { formatRuDate, todayIso } from '../../domain/dates';
import { fullName } from '../../domain/person';
import { RECOGNITION_KIND_LABELS, RECOGNITION_KINDS, recognitionLabel, recognitionsForOrder, type Recognition, type RecognitionFields, type RecognitionKind } from '../../domain/recognition';
import { recognitionInputSchema } from '../../domain/recognition.schema';
import { recognitionsRepo } from '../../storage/repositories';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { usePeople } from '../../data/hooks';
import { useOrders, useRecognitions } from '../../data/orders';
import { DraftNotice } from '../../ui/DraftNotice';
import { domainResolver, firstSegment, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';

interface RecognitionForm {
  personIds: string[];
  kind: RecognitionKind;
  title: string;
  reason: string;
  date: string;
}
const empty = (): RecognitionForm => ({ personIds: [], kind: 'thanks', title: '', reason: '', date: todayIso() });
/** The record's one person is the picker's choice. */
const fieldOf = (path: string) => (path === 'personId' ? 'personIds' : firstSegment(path));
const resolver = domainResolver<RecognitionForm, typeof recognitionInputSchema>(
  recognitionInputSchema,
  (f) => ({ personId: f.personIds[0] ?? '', kind: f.kind, title: f.title, reason: f.reason, date: f.date }),
  { fieldOf },
);

/** Поощрение наставников: who was thanked or awarded, for what, and by which order of the director. */
export function RecognitionsPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const recognitions = useRecognitions();
  const people = usePeople();
  const orders = useOrders();
  const form = useForm<RecognitionForm, unknown, RecognitionFields>({ defaultValues: empty(), resolver });
  const {
    register,
    control,
    handleSubmit,
    reset,
    getValues,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft('recognition:new', form);
  const kind = watch('kind');
  const [removing, setRemoving] = useState<Recognition | null>(null);
  const options = useMemo(() => (people ? personOptions(people, 'mentor') : []), [people]);
  if (!recognitions || !people || !orders) return <Page title="Поощрение наставников" backTo="/more">{null}</Page>;

  const byId = new Map(people.map((p) => [p.id, p]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const sorted = [...recognitions].sort((a, b) => b.date.localeCompare(a.date) || a.createdAt.localeCompare(b.createdAt));
  const withoutOrder = recognitionsForOrder(recognitions, new Set(orderById.keys())).length;

  const add = handleSubmit(async (fields) => {
    if ((await writeOrShowRefusal(setError, () => recognitionsRepo.save(fields), fieldOf)) === REFUSED) return;
    await draft.clear();
    const p = byId.get(fields.personId);
    show(`Поощрение записано: ${p ? fullName(p) : ''}`);
    // The next one is often of the same kind and day.
    reset({ ...empty(), kind: getValues('kind'), date: getValues('date') });
  });

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

      <form className="form card-section" noValidate onSubmit={add}>
        <h2 id={`${id}-h`}>Записать поощрение</h2>
        <DraftNotice
          restored={draft.restored}
          onDiscard={async () => {
            await draft.discard();
            reset(empty());
          }}
        />
        <Controller
          control={control}
          name="personIds"
          render={({ field }) => (
            <PersonPicker
              label="Наставник"
              name={field.name}
              required
              max={1}
              options={options}
              value={field.value}
              onChange={field.onChange}
              preferredHeading="Наставники"
              othersHeading="Остальные участники"
              error={errors.personIds?.message}
            />
          )}
        />
        <SelectField
          label="Вид поощрения"
          error={errors.kind?.message}
          {...register('kind')}
          options={RECOGNITION_KINDS.map((k) => ({ value: k, label: RECOGNITION_KIND_LABELS[k] }))}
        />
        <TextField
          label={kind === 'title' ? 'Звание' : 'Название'}
          required={kind === 'title' || kind === 'other'}
          hint={kind === 'title' ? 'Например, «Наставник года»' : kind === 'other' ? 'Какое поощрение: премия, подарок, поездка…' : 'Если нужно уточнить'}
          error={errors.title?.message}
          {...register('title')}
        />
        <TextAreaField label="За что" required error={errors.reason?.message} {...register('reason')} />
        <TextField label="Дата" type="date" required error={errors.date?.message} {...register('date')} />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          Записать
        </button>
      </form>
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
