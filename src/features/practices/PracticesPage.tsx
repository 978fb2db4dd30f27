import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { shortName } from '../../domain/person';
import { sortPractices, type Practice, type PracticeFields } from '../../domain/practice';
import { practiceInputSchema } from '../../domain/practice.schema';
import { practicesRepo } from '../../storage/repositories';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useMentoringForms } from '../../data/useMentoringForms';
import { usePeople, useSchool } from '../../data/hooks';
import { usePractices } from '../../data/library';
import { DraftNotice } from '../../ui/DraftNotice';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';

interface PracticeForm {
  title: string;
  formId: string;
  authorIds: string[];
  description: string;
  result: string;
}
const EMPTY: PracticeForm = { title: '', formId: '', authorIds: [], description: '', result: '' };

/** The school's register of best mentoring practices: what worked, in which form, by whom, and what came of it. */
export function PracticesPage() {
  const show = useToasts((s) => s.show);
  const practices = usePractices();
  const people = usePeople();
  const school = useSchool();
  const forms = useMentoringForms();
  const academicYear = school?.academicYear ?? '';
  const resolver = useMemo(() => domainResolver<PracticeForm, typeof practiceInputSchema>(practiceInputSchema, (f) => ({ ...f, academicYear })), [academicYear]);
  const form = useForm<PracticeForm, unknown, PracticeFields>({ defaultValues: EMPTY, resolver });
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft('practice:new', form);
  const [removing, setRemoving] = useState<Practice | null>(null);
  const options = useMemo(() => (people ? personOptions(people, 'mentor') : []), [people]);
  if (!practices || !people || school === undefined || !forms) return <Page title="Лучшие практики" backTo="/more">{null}</Page>;

  const byId = new Map(people.map((p) => [p.id, p]));
  const formName = new Map(forms.map((x) => [x.id, x.name]));
  const add = handleSubmit(async (fields) => {
    if ((await writeOrShowRefusal(setError, () => practicesRepo.save(fields))) === REFUSED) return;
    await draft.clear();
    show(`Практика «${fields.title}» добавлена`);
    reset(EMPTY);
  });

  return (
    <Page title="Лучшие практики" backTo="/more">
      {practices.length === 0 ? (
        <EmptyState title="Практик пока нет">
          <p>Записывайте, что удалось парам и группам: чем делились, как работали, что получилось. Следующий год начнётся с готового.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Лучшие практики">
          {sortPractices(practices).map((p) => (
            <li key={p.id} className="list-item">
              <span className="list-title">{p.title}</span>
              <span className="list-sub">
                {[p.academicYear, formName.get(p.formId)].filter(Boolean).join(' · ')}
                {p.authorIds.length > 0 && (
                  <>
                    {' · '}
                    {p.authorIds.map((id, i) => {
                      const person = byId.get(id);
                      return (
                        <span key={id}>
                          {i > 0 && ', '}
                          {person ? <Link to={`/people/${id}`}>{shortName(person)}</Link> : '(участник удалён)'}
                        </span>
                      );
                    })}
                  </>
                )}
              </span>
              <span className="list-sub">{p.description}</span>
              {p.result && <span className="list-sub">Результат: {p.result}</span>}
              <span className="inline-actions">
                <button type="button" className="button button-small button-danger" aria-label={`Удалить практику «${p.title}»`} onClick={() => setRemoving(p)}>
                  Удалить
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <form className="form card-section" noValidate onSubmit={add}>
        <h2>Добавить практику</h2>
        <DraftNotice
          restored={draft.restored}
          onDiscard={async () => {
            await draft.discard();
            reset(EMPTY);
          }}
        />
        <TextField label="Название" required error={errors.title?.message} {...register('title')} />
        <SelectField
          label="Форма наставничества"
          placeholder="любая"
          error={errors.formId?.message}
          {...register('formId')}
          options={forms.map((x) => ({ value: x.id, label: x.name }))}
        />
        <Controller
          control={control}
          name="authorIds"
          render={({ field }) => (
            <PersonPicker
              label="Авторы"
              name={field.name}
              max={10}
              options={options}
              value={field.value}
              onChange={field.onChange}
              preferredHeading="Наставники"
              othersHeading="Остальные участники"
              error={errors.authorIds?.message}
            />
          )}
        />
        <TextAreaField label="Что делали и как" required rows={5} error={errors.description?.message} {...register('description')} />
        <TextAreaField label="Что получилось" error={errors.result?.message} {...register('result')} />
        <p className="muted">Учебный год: {school?.academicYear ?? '—'}.</p>
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          Добавить
        </button>
      </form>
      <ConfirmDialog
        open={removing !== null}
        message={removing ? `Удалить практику «${removing.title}»?` : ''}
        onConfirm={async () => {
          if (removing) await practicesRepo.remove(removing.id);
          setRemoving(null);
          show('Практика удалена');
        }}
        onCancel={() => setRemoving(null)}
      />
    </Page>
  );
}
