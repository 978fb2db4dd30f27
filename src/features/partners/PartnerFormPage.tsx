import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { PARTNER_KINDS, type PartnerFields } from '../../domain/partner';
import { partnerInputSchema } from '../../domain/partner.schema';
import { partnersRepo } from '../../storage/repositories';
import { usePartner } from '../../data/partners';
import { partnerKindLabel, t } from '../../i18n/ru';
import { Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';

type PartnerForm = Record<keyof PartnerFields, string>;
const empty: PartnerForm = { name: '', kind: '', contactPerson: '', phone: '', email: '', agreementNumber: '', agreementDate: '', notes: '' };
const resolver = domainResolver<PartnerForm, typeof partnerInputSchema>(partnerInputSchema, (v) => v);

export function PartnerFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const existing = usePartner(id);
  const form = useForm<PartnerForm, unknown, PartnerFields>({ defaultValues: empty, resolver });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  useEffect(() => {
    if (existing) reset({ ...empty, ...existing });
  }, [existing, reset]);
  const draft = useFormDraft(`partner:${id ?? 'new'}`, form);
  const title = id ? t.partners.editTitle : t.partners.newTitle;
  // A partner that is not (or no longer) there stays a blank page, as while it is read.
  if (id && !existing) return <Page title={title}>{null}</Page>;

  const onSubmit = handleSubmit(async (fields) => {
    const saved = await writeOrShowRefusal(setError, () => partnersRepo.save(fields, id));
    if (saved === REFUSED) return;
    await draft.clear();
    show(t.people.saved);
    navigate(`/partners/${saved.id}`, { replace: true });
  });

  return (
    <Page title={title} backTo={id ? `/partners/${id}` : '/partners'}>
      {draft.restored && (
        <div className="notice" role="status">
          {t.people.draftRestored}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField label="Название" required error={errors.name?.message} {...register('name')} />
        <SelectField
          label="Вид организации"
          required
          placeholder="— выберите —"
          options={PARTNER_KINDS.map((k) => ({ value: k, label: partnerKindLabel[k] }))}
          error={errors.kind?.message}
          {...register('kind')}
        />
        <TextField label="Контактное лицо" error={errors.contactPerson?.message} {...register('contactPerson')} />
        <TextField label="Телефон" type="tel" inputMode="tel" error={errors.phone?.message} {...register('phone')} />
        <TextField label="Электронная почта" type="email" error={errors.email?.message} {...register('email')} />
        <TextField label="Номер соглашения" error={errors.agreementNumber?.message} {...register('agreementNumber')} />
        <TextField label="Дата соглашения" type="date" error={errors.agreementDate?.message} {...register('agreementDate')} />
        <TextAreaField label="Заметки" error={errors.notes?.message} {...register('notes')} />
        <FormFooter errors={errors} onCancel={() => navigate(-1)} submitting={isSubmitting} />
      </form>
    </Page>
  );
}
