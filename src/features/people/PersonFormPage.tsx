import { DraftNotice } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { representativeDefaults, type Partner } from '../../domain/partner';
import { PERSON_CATEGORIES, PERSON_ROLES, type Person, type PersonRole } from '../../domain/person';
import { personInputSchema } from '../../domain/person.schema';
import { peopleRepo } from '../../storage/repositories';
import { categoryLabel, roleLabel, t } from '../../i18n/ru';
import { Page } from '../../ui/Page';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, splitList, writeOrShowRefusal } from '../../ui/formResolver';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { usePartners } from '../../data/hooks';
import { usePerson } from '../../data/people';

interface PersonForm {
  lastName: string;
  firstName: string;
  middleName: string;
  category: string;
  classLabel: string;
  birthDate: string;
  phone: string;
  email: string;
  roles: PersonRole[];
  interests: string;
  competencies: string;
  partnerId: string;
  notes: string;
  mentorCapacity: string;
}

const empty: PersonForm = {
  lastName: '',
  firstName: '',
  middleName: '',
  category: '',
  classLabel: '',
  birthDate: '',
  phone: '',
  email: '',
  roles: [],
  interests: '',
  competencies: '',
  partnerId: '',
  notes: '',
  mentorCapacity: '',
};

function toForm(p: Person): PersonForm {
  return {
    ...p,
    interests: p.interests.join(', '),
    competencies: p.competencies.join(', '),
    mentorCapacity: p.mentorCapacity ? String(p.mentorCapacity) : '',
  };
}

const resolver = domainResolver<PersonForm, typeof personInputSchema>(personInputSchema, (v) => ({
  ...v,
  roles: v.roles || [],
  interests: splitList(v.interests),
  competencies: splitList(v.competencies),
  mentorCapacity: v.mentorCapacity?.trim() ? Number(v.mentorCapacity.trim()) : undefined,
}));

/**
 * A participant's form: a new one (`/people/new`), or an existing one to edit. `?partner=<id>` — from «Добавить
 * представителя» on a partner's card — opens a new one as that organisation's representative and, once saved,
 * goes back to the card. The form waits for the partners, so that the organisation it preselects is in its list.
 */
export function PersonFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = usePerson(id);
  const partners = usePartners();
  const title = id ? t.people.editTitle : t.people.newTitle;
  // A participant who is not (or no longer) there leaves the form empty, as while it is read.
  if ((id && !existing) || partners === undefined) return <Page title={title} backTo={id ? `/people/${id}` : '/people'}>{null}</Page>;
  const preset = id ? null : representativeDefaults(params.get('partner'), partners);
  return <PersonFormBody key={`${id ?? 'new'}:${preset?.partnerId ?? ''}`} id={id} existing={existing ?? null} partners={partners} preset={preset} />;
}

function PersonFormBody({
  id,
  existing,
  partners,
  preset,
}: {
  id: string | undefined;
  existing: Person | null;
  partners: readonly Partner[];
  preset: ReturnType<typeof representativeDefaults>;
}) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const initial = preset ? { ...empty, ...preset } : empty;
  const form = useForm<PersonForm, unknown, ReturnType<typeof personInputSchema.parse>>({ defaultValues: initial, resolver });
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  // Load the record once; a restored draft (below) then wins over it.
  useEffect(() => {
    if (existing) reset(toForm(existing), { keepDirty: false });
  }, [existing, reset]);
  // A representative's form keeps its own draft: a half-typed participant from «Участники» does not take its place.
  const draft = useFormDraft(`person:${id ?? (preset ? `new:partner:${preset.partnerId}` : 'new')}`, form);

  const category = watch('category');
  const roles = watch('roles');
  const title = id ? t.people.editTitle : t.people.newTitle;
  const partnerPage = preset ? `/partners/${preset.partnerId}` : null;

  const onSubmit = handleSubmit(async (fields) => {
    const saved = await writeOrShowRefusal(setError, () => peopleRepo.save(fields, id));
    if (saved === REFUSED) return;
    await draft.clear();
    show(t.people.saved);
    // Back to the card it was added from, where the new representative is now listed (unless moved to another).
    navigate(partnerPage && saved.partnerId === preset?.partnerId ? partnerPage : `/people/${saved.id}`, { replace: true });
  });

  return (
    <Page title={title} backTo={id ? `/people/${id}` : (partnerPage ?? '/people')}>
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          reset(existing ? toForm(existing) : initial);
        }}
      />
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField label="Фамилия" required autoComplete="off" error={errors.lastName?.message} {...register('lastName')} />
        <TextField label="Имя" required autoComplete="off" error={errors.firstName?.message} {...register('firstName')} />
        <TextField label="Отчество" autoComplete="off" error={errors.middleName?.message} {...register('middleName')} />
        <SelectField
          label="Категория"
          required
          placeholder="— выберите —"
          options={PERSON_CATEGORIES.map((c) => ({ value: c, label: categoryLabel[c] }))}
          error={errors.category?.message}
          {...register('category')}
        />
        {category === 'student' && (
          <TextField label="Класс" required placeholder="например, 7Б" error={errors.classLabel?.message} {...register('classLabel')} />
        )}
        <TextField
          label="Дата рождения"
          type="date"
          required={category === 'student'}
          hint="До 14 лет согласие на обработку данных подписывает законный представитель"
          error={errors.birthDate?.message}
          {...register('birthDate')}
        />
        <CheckboxGroup legend="Роль в программе" error={errors.roles?.message}>
          {PERSON_ROLES.map((r) => (
            <label key={r} className="checkbox">
              <input type="checkbox" value={r} {...register('roles')} /> {roleLabel[r]}
            </label>
          ))}
        </CheckboxGroup>
        {Array.isArray(roles) && roles.includes('mentor') && (
          <TextField
            label="Сколько наставляемых может вести"
            inputMode="numeric"
            placeholder="1"
            hint="Больше одного — наставник ведёт группу. Учитывается при подборе пар"
            error={errors.mentorCapacity?.message}
            {...register('mentorCapacity')}
          />
        )}
        <SelectField
          label="Организация-партнёр"
          required={category === 'partnerRep'}
          placeholder="— нет —"
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          error={errors.partnerId?.message}
          {...register('partnerId')}
        />
        <TextField label="Телефон" type="tel" inputMode="tel" autoComplete="off" error={errors.phone?.message} {...register('phone')} />
        <TextField label="Электронная почта" type="email" autoComplete="off" error={errors.email?.message} {...register('email')} />
        <TextField
          label="Интересы"
          hint="Через запятую: робототехника, шахматы, волонтёрство"
          error={errors.interests?.message}
          {...register('interests')}
        />
        <TextField
          label="Компетенции"
          hint="Чем может помочь как наставник, через запятую"
          error={errors.competencies?.message}
          {...register('competencies')}
        />
        <TextAreaField label="Заметки" error={errors.notes?.message} {...register('notes')} />
        <FormFooter errors={errors} onCancel={() => navigate(-1)} submitting={isSubmitting} />
      </form>
    </Page>
  );
}
