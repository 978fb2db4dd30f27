import { DraftNotice } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { todayIso } from '../../domain/dates';
import { ORDER_DEFAULT_TITLES, ORDER_KINDS, type OrderFields, type OrderKind } from '../../domain/order';
import { listsMentorships, mentorshipLine, orderCandidates, orderFormSchema } from '../../domain/orderPreparation';
import { plural } from '../../domain/text';
import { orderKindLabel } from '../../i18n/ru';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { MentorshipChecklist } from './MentorshipChecklist';
import { RecognitionChecklist } from './RecognitionChecklist';
import { recognitionsForOrder } from '../../domain/recognition';
import { createOrder } from '../../storage/orderWrites';
import { useOrderData, useOrders } from '../../data/orders';

interface OrderForm {
  kind: OrderKind;
  number: string;
  date: string;
  title: string;
  protocolNumber: string;
  protocolDate: string;
  mentorshipIds: string[];
  recognitionIds: string[];
}

const TITLE = 'Новый приказ';
const DEFAULT_TITLES = new Set(Object.values(ORDER_DEFAULT_TITLES));
const collator = new Intl.Collator('ru-RU');

function emptyForm(kind: OrderKind): OrderForm {
  return { kind, number: '', date: todayIso(), title: ORDER_DEFAULT_TITLES[kind], protocolNumber: '', protocolDate: '', mentorshipIds: [], recognitionIds: [] };
}

export function OrderFormPage() {
  const data = useOrderData();
  const orders = useOrders();
  if (!data || !orders) return <Page title={TITLE} backTo="/orders">{null}</Page>;
  return <OrderFormBody data={data} orders={orders} />;
}

function OrderFormBody({ data, orders }: { data: NonNullable<ReturnType<typeof useOrderData>>; orders: { id: string; number: string; date: string }[] }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const show = useToasts((s) => s.show);
  const initialKind = (ORDER_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as OrderKind) : 'approvePlans';
  const resolver = useMemo(() => domainResolver<OrderForm, ReturnType<typeof orderFormSchema>>(orderFormSchema(orders), (v) => v), [orders]);
  const form = useForm<OrderForm, unknown, OrderFields>({ defaultValues: emptyForm(initialKind), resolver });
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    getValues,
    reset,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = form;
  const draft = useFormDraft('order:new', form);

  const kind = watch('kind');
  const mentorshipIds = watch('mentorshipIds');
  // A draft saved before recognitions existed has no such field.
  const recognitionIds = watch('recognitionIds') ?? [];
  const liveOrderIds = useMemo(() => new Set(orders.map((o) => o.id)), [orders]);
  const rewards = useMemo(() => recognitionsForOrder(data.recognitions, liveOrderIds), [data.recognitions, liveOrderIds]);
  // In the order of the names, which is also the order of the rows in the order's table.
  const candidates = useMemo(
    () =>
      orderCandidates(kind, data.mentorships, data.plans, data.items)
        .map((c) => ({ c, line: mentorshipLine(c.mentorship, data.ctx.people) }))
        .sort((a, b) => collator.compare(a.line, b.line))
        .map(({ c }) => c),
    [kind, data],
  );

  // A new kind brings its default title, unless the curator typed their own; ticks the kind cannot cover go.
  const prevKind = useRef(kind);
  useEffect(() => {
    if (prevKind.current === kind) return;
    prevKind.current = kind;
    const title = getValues('title').trim();
    if (!title || DEFAULT_TITLES.has(title)) setValue('title', ORDER_DEFAULT_TITLES[kind]);
    const allowed = new Set(listsMentorships(kind) ? candidates.map((c) => c.mentorship.id) : []);
    const kept = getValues('mentorshipIds').filter((id) => allowed.has(id));
    if (kept.length !== getValues('mentorshipIds').length) setValue('mentorshipIds', kept);
    if (kind !== 'rewardMentors' && getValues('recognitionIds')?.length) setValue('recognitionIds', []);
  }, [kind, candidates, getValues, setValue]);

  const setTicked = (ids: string[]) => setValue('mentorshipIds', ids, { shouldValidate: isSubmitted, shouldDirty: true });
  const setRewards = (ids: string[]) => setValue('recognitionIds', ids, { shouldValidate: isSubmitted, shouldDirty: true });

  const onSubmit = handleSubmit(async (fields) => {
    const ticked = new Set(fields.mentorshipIds);
    const rewarded = new Set(fields.recognitionIds);
    const order = await writeOrShowRefusal(setError, () => createOrder({
      ...fields,
      mentorshipIds: candidates.map((c) => c.mentorship.id).filter((id) => ticked.has(id)),
      recognitionIds: rewards.map((r) => r.id).filter((id) => rewarded.has(id)),
    }));
    if (order === REFUSED) return;
    await draft.clear();
    show(
      order.kind === 'approvePlans'
        ? `Приказ сохранён; утверждено: ${plural(order.planIds.length, { one: 'план', few: 'плана', many: 'планов' })}`
        : order.kind === 'rewardMentors'
          ? `Приказ сохранён; поощрений: ${order.recognitionIds.length}`
          : 'Приказ сохранён',
    );
    navigate(`/orders/${order.id}`, { replace: true });
  });

  return (
    <Page title={TITLE} backTo="/orders">
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          reset(emptyForm(initialKind));
        }}
      />
      <form onSubmit={onSubmit} noValidate className="form">
        <SelectField
          label="Вид приказа"
          required
          options={ORDER_KINDS.map((k) => ({ value: k, label: orderKindLabel[k] }))}
          error={errors.kind?.message}
          {...register('kind')}
        />
        <div className="field-pair">
          <TextField label="Номер" required autoComplete="off" placeholder="112-од" error={errors.number?.message} {...register('number')} />
          <TextField label="Дата" type="date" required error={errors.date?.message} {...register('date')} />
        </div>
        <TextField label="Заголовок" required autoComplete="off" error={errors.title?.message} {...register('title')} />
        <fieldset className="field subtle-fieldset">
          <legend>Протокол педсовета, если был</legend>
          <div className="field-pair">
            <TextField label="№ протокола" autoComplete="off" error={errors.protocolNumber?.message} {...register('protocolNumber')} />
            <TextField label="Дата протокола" type="date" error={errors.protocolDate?.message} {...register('protocolDate')} />
          </div>
        </fieldset>
        {listsMentorships(kind) && (
          <MentorshipChecklist
            kind={kind}
            candidates={candidates}
            ticked={mentorshipIds}
            onChange={setTicked}
            people={data.ctx.people}
            formNames={data.formNames}
            orders={orders}
            error={errors.mentorshipIds?.message}
          />
        )}
        {kind === 'rewardMentors' && (
          <RecognitionChecklist recognitions={rewards} people={data.ctx.people} ticked={recognitionIds} onChange={setRewards} error={errors.recognitionIds?.message} />
        )}
        {kind === 'approvePlans' && (
          <p className="muted">Планы отмеченных пар и групп станут утверждёнными этим приказом; их дальнейшие изменения будут видны.</p>
        )}
        <FormFooter errors={errors} onCancel={() => navigate('/orders')} submitting={isSubmitting} submitLabel="Сохранить приказ" />
      </form>
    </Page>
  );
}
