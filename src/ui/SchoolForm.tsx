import { useForm } from 'react-hook-form';
import { type SchoolFields } from '../domain/school';
import { TextField } from './fields';
import { domainResolver, lazyResolver, writeOrShowRefusal } from './formResolver';
import { FormErrorSummary } from './FormErrorSummary';

/** The profile's fields as typed; the indicator targets and the SWOT analysis have their own screens in «Мониторинг». */
export type SchoolForm = Record<Exclude<keyof SchoolFields, 'indicatorTargets' | 'swot'>, string>;
// The schema (and zod) load when the form is first focused: the wizard of a new phone paints without them.
const resolver = lazyResolver<SchoolForm, SchoolFields>(async () => {
  const { schoolInputSchema } = await import('../domain/school.schema');
  return domainResolver<SchoolForm, typeof schoolInputSchema>(schoolInputSchema, (v) => v);
});

export function SchoolProfileForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: SchoolForm;
  submitLabel: string;
  onSave: (fields: SchoolFields) => Promise<void>;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SchoolForm, unknown, SchoolFields>({ defaultValues: initial, resolver });
  return (
    <form className="form" noValidate onFocus={resolver.preload} onSubmit={handleSubmit((fields) => writeOrShowRefusal(setError, () => onSave(fields)))}>
      <TextField label="Название школы" required placeholder="МКОУ СОШ № 2 с. п. Кахун" error={errors.name?.message} {...register('name')} />
      <TextField
        label="Учебный год"
        required
        placeholder="2025/2026"
        hint="Дорожная карта и показатели — за этот год. В новом учебном году смените его: записи прошлых лет сохранятся"
        error={errors.academicYear?.message}
        {...register('academicYear')}
      />
      <TextField
        label="Всего обучающихся в школе"
        required
        type="number"
        inputMode="numeric"
        min={1}
        hint="Для показателя «наставники — не менее 10&nbsp;% обучающихся»"
        error={errors.studentsTotal?.message}
        {...register('studentsTotal')}
      />
      <TextField
        label="Всего педагогов"
        required
        type="number"
        inputMode="numeric"
        min={1}
        hint="Для показателя «наставники — не менее 10&nbsp;% педагогов»"
        error={errors.teachersTotal?.message}
        {...register('teachersTotal')}
      />
      <TextField
        label="Возраст, с которого согласие подписывает сам участник"
        type="number"
        inputMode="numeric"
        min={10}
        max={18}
        hint="По дорожной карте — 14 лет; младше — подписывает законный представитель"
        error={errors.consentAge?.message}
        {...register('consentAge')}
      />
      <TextField label="ФИО директора" hint="Для подписи в приказах" error={errors.directorName?.message} {...register('directorName')} />
      <TextField label="ФИО куратора внедрения ЦМН" error={errors.curatorName?.message} {...register('curatorName')} />
      <FormErrorSummary errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
