import { DraftNotice } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Consent, ConsentFields, ConsentSigner } from '../../domain/consent';
import { representativeReason, requiredSigner } from '../../domain/consentStatus';
import { consentFormSchema } from '../../domain/consent.schema';
import { todayIso } from '../../domain/dates';
import { DEFAULT_CONSENT_AGE, fullName, type Person } from '../../domain/person';
import { consentSignerLabel } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { saveConsent } from '../../storage/consentWrites';
import { usePeople, useSchool } from '../../data/hooks';
import { useConsent } from '../../data/consents';
import { usePerson } from '../../data/people';

interface ConsentForm {
  signedOn: string;
  signer: ConsentSigner;
  representativeName: string;
  representativeRelation: string;
  withdrawnOn: string;
  notes: string;
}

const RELATIONS = ['мать', 'отец', 'усыновитель', 'опекун', 'попечитель'];

/** «Оформить согласие» and its edit: the signing date first, then who signs — decided by the age on that date. */
export function ConsentFormPage() {
  const { id = '', consentId } = useParams();
  const person = usePerson(id);
  const school = useSchool();
  const existing = useConsent(consentId);
  const title = consentId ? 'Изменить согласие' : 'Оформить согласие';

  if (person === undefined || school === undefined || existing === undefined) return <Page title={title} backTo={`/people/${id}`}>{null}</Page>;
  if (person === null || (consentId && existing === null))
    return (
      <Page title={title} backTo={id ? `/people/${id}` : '/people'}>
        <EmptyState title={person === null ? 'Участник не найден' : 'Согласие не найдено'}>
          <p>Возможно, запись удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );
  return <ConsentFormBody key={`${person.id}:${consentId ?? 'new'}`} person={person} consentAge={school?.consentAge ?? DEFAULT_CONSENT_AGE} existing={existing} title={title} />;
}

function toForm(c: Consent | null, person: Person, consentAge: number): ConsentForm {
  if (c) return { signedOn: c.signedOn, signer: c.signer, representativeName: c.representativeName, representativeRelation: c.representativeRelation, withdrawnOn: c.withdrawnOn, notes: c.notes };
  const signedOn = todayIso();
  const signer = requiredSigner(person, signedOn, consentAge) === 'representative' ? 'representative' : 'self';
  return { signedOn, signer, representativeName: '', representativeRelation: '', withdrawnOn: '', notes: '' };
}

function ConsentFormBody({ person, consentAge, existing, title }: { person: Person; consentAge: number; existing: Consent | null; title: string }) {
  const navigate = useNavigate();
  // The parents already in the base are offered by name (the tester typed the mother's name again by hand).
  const people = usePeople();
  const parentNames = useMemo(() => [...new Set((people ?? []).filter((p) => p.category === 'parent').map(fullName))].sort((a, b) => a.localeCompare(b, 'ru')), [people]);
  const [params] = useSearchParams();
  const show = useToasts((s) => s.show);
  const back = params.get('from') === 'consents' ? '/consents' : `/people/${person.id}`;
  const resolver = useMemo(
    () => domainResolver<ConsentForm, ReturnType<typeof consentFormSchema>>(consentFormSchema(person, consentAge), (v) => ({ ...v, personId: person.id })),
    [person, consentAge],
  );
  const form = useForm<ConsentForm, unknown, ConsentFields>({ defaultValues: toForm(existing, person, consentAge), resolver });
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft(`consent:${person.id}:${existing?.id ?? 'new'}`, form);
  const pickedByUser = useRef(!!existing);

  const signedOn = watch('signedOn');
  const signer = watch('signer');
  const required = requiredSigner(person, signedOn, consentAge);

  // Under the consent age on the signing date only a representative may sign; otherwise the person, by default.
  useEffect(() => {
    if (required === 'representative' && signer !== 'representative') setValue('signer', 'representative');
    if (required === 'either' && signer !== 'self' && !pickedByUser.current) setValue('signer', 'self');
  }, [required, signer, setValue]);

  const onSubmit = handleSubmit(async (fields) => {
    if ((await writeOrShowRefusal(setError, () => saveConsent(fields, person, consentAge, { id: existing?.id }))) === REFUSED) return;
    await draft.clear();
    show('Согласие сохранено');
    navigate(back, { replace: true });
  });

  const name = fullName(person);
  return (
    <Page title={title} backTo={back}>
      <p className="muted">{name}</p>
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          pickedByUser.current = !!existing;
          reset(toForm(existing, person, consentAge));
        }}
      />
      <form onSubmit={onSubmit} noValidate className="form" aria-label={`${title}: ${name}`}>
        <TextField label="Дата подписания" type="date" required max={todayIso()} error={errors.signedOn?.message} {...register('signedOn')} />

        <div aria-live="polite">
          {required === 'representative' && (
            <p className="notice notice-warn" data-testid="signer-reason">
              {representativeReason(person, signedOn, consentAge)}
            </p>
          )}
          {required === 'unknownAge' && (
            <p className="notice notice-warn">
              Не указана дата рождения участника: нельзя проверить, кто должен подписать согласие.{' '}
              <Link to={`/people/${person.id}/edit`}>Указать дату рождения</Link>
            </p>
          )}
        </div>

        <fieldset className={`field${errors.signer ? ' field-invalid' : ''}`} aria-describedby={errors.signer ? 'signer-error' : undefined}>
          <legend>Кто подписывает</legend>
          <div className="radio-list">
            {(['self', 'representative'] as const).map((s) => (
              <label key={s} className="checkbox">
                <input
                  type="radio"
                  value={s}
                  disabled={s === 'self' && required === 'representative'}
                  {...register('signer', { onChange: () => (pickedByUser.current = true) })}
                />{' '}
                {consentSignerLabel[s]}
                {s === 'self' && required === 'representative' && <span className="visually-hidden"> (недоступно по возрасту)</span>}
              </label>
            ))}
          </div>
          {errors.signer && (
            <p className="field-error" id="signer-error" role="alert">
              {errors.signer.message}
            </p>
          )}
        </fieldset>

        {signer === 'representative' && (
          <>
            <TextField
              label="ФИО законного представителя"
              required
              autoComplete="off"
              list="consent-parents"
              hint={parentNames.length ? 'Можно выбрать из родителей в базе или ввести' : undefined}
              error={errors.representativeName?.message}
              {...register('representativeName')}
            />
            <datalist id="consent-parents">
              {parentNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
            <TextField
              label="Кем приходится участнику"
              required
              list="consent-relations"
              autoComplete="off"
              hint="Мать, отец, опекун, попечитель"
              error={errors.representativeRelation?.message}
              {...register('representativeRelation')}
            />
            <datalist id="consent-relations">
              {RELATIONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </>
        )}

        {existing && (
          <TextField
            label="Дата отзыва"
            type="date"
            max={todayIso()}
            hint="Заполните, если согласие отозвано; оставьте пустым, если действует"
            error={errors.withdrawnOn?.message}
            {...register('withdrawnOn')}
          />
        )}
        <TextAreaField label="Заметки" error={errors.notes?.message} {...register('notes')} />
        <FormFooter errors={errors} onCancel={() => navigate(back)} submitting={isSubmitting} />
      </form>
    </Page>
  );
}
