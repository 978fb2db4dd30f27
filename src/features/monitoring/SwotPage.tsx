import { DraftNotice } from '../../ui/DraftNotice';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { SWOT_PARTS, type SwotFields } from '../../domain/school';
import { swotSchema } from '../../domain/school.schema';
import { saveSwot } from '../../storage/yearWork';
import { domainResolver } from '../../ui/formResolver';
import { TextAreaField } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { useSchool } from '../../data/hooks';

type SwotForm = Record<keyof SwotFields, string>;
const resolver = domainResolver<SwotForm, typeof swotSchema>(swotSchema, (v) => v);
const EMPTY: SwotForm = { strengths: '', weaknesses: '', opportunities: '', threats: '' };

/** The curator's SWOT analysis of the programme: four lists, one point per line, kept as a draft while typed. */
export function SwotPage() {
  const school = useSchool();
  if (school === undefined) return <Page title="SWOT-анализ" backTo="/monitoring">{null}</Page>;
  return <SwotEditor initial={school?.swot ?? EMPTY} />;
}

function SwotEditor({ initial }: { initial: SwotForm }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const form = useForm<SwotForm, unknown, SwotFields>({ defaultValues: initial, resolver });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft('swot', form);
  const save = handleSubmit(async (swot) => {
    await saveSwot(swot);
    await draft.clear();
    show('SWOT-анализ сохранён');
    navigate('/monitoring');
  });
  return (
    <Page title="SWOT-анализ" backTo="/monitoring">
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          reset(initial);
        }}
      />
      <p className="muted">
        Анализ программы наставничества за учебный год, как его просит федеральная модель мониторинга. Каждый пункт — с новой строки; он войдёт в
        отчёт.
      </p>
      <form className="form" noValidate onSubmit={(e) => void save(e)}>
        {SWOT_PARTS.map((p) => (
          <TextAreaField key={p.key} label={p.label} hint={p.hint} rows={5} error={errors[p.key]?.message} {...register(p.key)} />
        ))}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            Сохранить
          </button>
        </div>
      </form>
    </Page>
  );
}
