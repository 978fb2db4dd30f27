import { DraftNotice } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useEffect, useMemo, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { type Mentorship, type MentorshipFields, type MentorshipStatus } from '../../domain/mentorship';
import { mentorshipInputSchema } from '../../domain/mentorship.schema';
import { nextStatuses, outsideForm } from '../../domain/mentorshipList';
import type { Person } from '../../domain/person';
import { todayIso } from '../../domain/dates';
import { mentorshipsRepo } from '../../storage/repositories';
import { useMentorship } from '../../data/mentorships';
import { clearDraft } from '../../storage/drafts';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { PersonPicker } from '../../ui/PersonPicker';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useMentoringForms, type FormOption } from '../../data/useMentoringForms';
import { usePeople } from '../../data/hooks';

interface MentorshipForm {
  formId: string;
  mentorIds: string[];
  menteeIds: string[];
  title: string;
  goal: string;
  startDate: string;
  plannedEndDate: string;
  status: MentorshipStatus;
  endDate: string;
  endReason: string;
}

const empty = (): MentorshipForm => ({
  formId: '',
  mentorIds: [],
  menteeIds: [],
  title: '',
  goal: '',
  startDate: todayIso(),
  plannedEndDate: '',
  status: 'forming',
  endDate: '',
  endReason: '',
});

function toForm(m: Mentorship): MentorshipForm {
  return {
    formId: m.formId,
    mentorIds: m.mentorIds,
    menteeIds: m.menteeIds,
    title: m.title,
    goal: m.goal,
    startDate: m.startDate,
    plannedEndDate: m.plannedEndDate,
    status: m.status,
    endDate: m.endDate,
    endReason: m.endReason,
  };
}

const resolver = domainResolver<MentorshipForm, typeof mentorshipInputSchema>(mentorshipInputSchema, (v) => ({
  ...v,
  mentorIds: v.mentorIds ?? [],
  menteeIds: v.menteeIds ?? [],
}));

/** Loads what the form needs, then mounts it with its starting values (so a restored draft wins over them). */
export function MentorshipFormPage() {
  const { id } = useParams();
  const existing = useMentorship(id);
  const people = usePeople();
  const forms = useMentoringForms();
  const title = id ? 'Изменить пару или группу' : 'Новая пара или группа';
  const backTo = id ? `/mentorships/${id}` : '/mentorships';

  if (existing === undefined || !people || !forms) return <Page title={title} backTo={backTo}>{null}</Page>;
  if (id && existing === null)
    return (
      <Page title={title} backTo="/mentorships">
        <EmptyState title="Пара или группа не найдена">
          <p>Возможно, её удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );
  return <MentorshipFormBody key={id ?? 'new'} existing={existing} people={people} forms={forms} title={title} backTo={backTo} />;
}

function MentorshipFormBody({
  existing,
  people,
  forms,
  title,
  backTo,
}: {
  existing: Mentorship | null;
  people: Person[];
  forms: FormOption[];
  title: string;
  backTo: string;
}) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const initial = existing ? toForm(existing) : empty();
  const form = useForm<MentorshipForm, unknown, MentorshipFields>({ defaultValues: initial, resolver });
  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const draftKey = `mentorship:${existing?.id ?? 'new'}`;
  const draft = useFormDraft(draftKey, form);
  // A debounced draft write may still be pending at «Сохранить»: clear once more when the form is gone.
  const done = useRef(false);
  useEffect(() => () => void (done.current && clearDraft(draftKey)), [draftKey]);

  const formId = watch('formId');
  const status = watch('status');
  const mentorIds = watch('mentorIds');
  const menteeIds = watch('menteeIds');
  const chosenForm = forms.find((f) => f.id === formId);

  // Ending work needs its date: today, unless the user gives another.
  useEffect(() => {
    if ((status === 'finished' || status === 'interrupted') && !getValues('endDate')) setValue('endDate', todayIso());
  }, [status, getValues, setValue]);

  // Statuses this pair may take: where it is now and where canTransition lets it go.
  const from = existing?.status ?? 'forming';
  const statuses = [from, ...nextStatuses(from)];

  const mentorOptions = useMemo(
    () =>
      personOptions(
        people,
        'mentor',
        chosenForm ? (p) => chosenForm.mentorCategories.includes(p.category) : undefined,
        new Map(menteeIds.map((x) => [x, 'уже наставляемый'])),
      ),
    [people, chosenForm, menteeIds],
  );
  const menteeOptions = useMemo(
    () =>
      personOptions(
        people,
        'mentee',
        chosenForm ? (p) => chosenForm.menteeCategories.includes(p.category) : undefined,
        new Map(mentorIds.map((x) => [x, 'уже наставник'])),
      ),
    [people, chosenForm, mentorIds],
  );

  const peopleById = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const formHint = (side: 'mentor' | 'mentee', ids: string[]) => {
    const odd = outsideForm(chosenForm, side, ids, peopleById);
    return odd.length && chosenForm ? `Форма «${chosenForm.name}» не предполагает: ${odd.join('; ')}. Проверьте форму.` : undefined;
  };

  const onSubmit = handleSubmit(async (fields) => {
    const saved = await writeOrShowRefusal(form.setError, () => mentorshipsRepo.save(fields, existing?.id));
    if (saved === REFUSED) return;
    done.current = true;
    await draft.clear();
    show(existing ? 'Сохранено' : 'Пара или группа создана');
    navigate(`/mentorships/${saved.id}`, { replace: true });
  });

  const ending = status === 'finished' || status === 'interrupted';
  return (
    <Page title={title} backTo={backTo}>
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          reset(initial);
        }}
      />
      <form onSubmit={onSubmit} noValidate className="form">
        <SelectField
          label="Форма наставничества"
          required
          placeholder="— выберите —"
          options={forms.map((f) => ({ value: f.id, label: f.name }))}
          error={errors.formId?.message}
          {...register('formId')}
        />
        <Controller
          control={control}
          name="mentorIds"
          render={({ field }) => (
            <PersonPicker
              label="Наставник (до трёх)"
              required
              max={3}
              options={mentorOptions}
              value={field.value}
              onChange={field.onChange}
              preferredHeading={chosenForm ? 'Наставники этой формы' : 'Наставники'}
              hint={formHint('mentor', field.value)}
              error={errors.mentorIds?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="menteeIds"
          render={({ field }) => (
            <PersonPicker
              label="Наставляемые"
              hint={formHint('mentee', field.value) ?? 'Один — пара, несколько — группа'}
              required
              max={30}
              options={menteeOptions}
              value={field.value}
              onChange={field.onChange}
              preferredHeading={chosenForm ? 'Наставляемые этой формы' : 'Наставляемые'}
              error={errors.menteeIds?.message}
            />
          )}
        />
        <TextField label="Название" hint="Необязательно, например «Проект по робототехнике»" autoComplete="off" error={errors.title?.message} {...register('title')} />
        <TextAreaField label="Цель" error={errors.goal?.message} {...register('goal')} />
        <div className="field-pair">
          <TextField label="Начало" type="date" error={errors.startDate?.message} {...register('startDate')} />
          <TextField label="Плановое окончание" type="date" error={errors.plannedEndDate?.message} {...register('plannedEndDate')} />
        </div>
        <SelectField
          label="Статус"
          options={statuses.map((s) => ({ value: s, label: mentorshipStatusLabel[s] }))}
          error={errors.status?.message}
          {...register('status')}
        />
        {ending && (
          <>
            <TextField label="Дата окончания" type="date" required error={errors.endDate?.message} {...register('endDate')} />
            <TextAreaField
              label={status === 'interrupted' ? 'Причина, по которой работа прервана' : 'Итог или комментарий'}
              required={status === 'interrupted'}
              error={errors.endReason?.message}
              {...register('endReason')}
            />
          </>
        )}
        <FormFooter errors={errors} onCancel={() => navigate(-1)} submitting={isSubmitting} />
      </form>
    </Page>
  );
}
