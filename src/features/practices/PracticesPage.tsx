import { ActionForm } from '../../ui/ActionForm';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { shortName } from '../../domain/person';
import { practiceInputSchema, sortPractices, type Practice } from '../../domain/practice';
import { fieldErrors } from '../../domain/zodErrors';
import { practicesRepo } from '../../storage/repositories';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useMentoringForms } from '../../data/useMentoringForms';
import { usePeople, useSchool } from '../../data/hooks';

const EMPTY = { title: '', formId: '', authorIds: [] as string[], description: '', result: '' };

/** The school's register of best mentoring practices: what worked, in which form, by whom, and what came of it. */
export function PracticesPage() {
  const show = useToasts((s) => s.show);
  const practices = useLiveQuery(() => practicesRepo.list(), []);
  const people = usePeople();
  const school = useSchool();
  const forms = useMentoringForms();
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<Practice | null>(null);
  const options = useMemo(() => (people ? personOptions(people, 'mentor') : []), [people]);
  if (!practices || !people || school === undefined || !forms) return <Page title="Лучшие практики" backTo="/more">{null}</Page>;

  const byId = new Map(people.map((p) => [p.id, p]));
  const formName = new Map(forms.map((x) => [x.id, x.name]));
  const add = async () => {
    const parsed = practiceInputSchema.safeParse({ ...f, academicYear: school?.academicYear ?? '' });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await practicesRepo.save(parsed.data);
    show(`Практика «${parsed.data.title}» добавлена`);
    setF(EMPTY);
  };

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

      <ActionForm className="form card-section" onSubmit={add}>
        <h2>Добавить практику</h2>
        <TextField label="Название" required value={f.title} error={errors.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
        <SelectField
          label="Форма наставничества"
          value={f.formId}
          placeholder="любая"
          onChange={(e) => setF({ ...f, formId: e.target.value })}
          options={forms.map((x) => ({ value: x.id, label: x.name }))}
        />
        <PersonPicker
          label="Авторы"
          max={10}
          options={options}
          value={f.authorIds}
          onChange={(authorIds) => setF({ ...f, authorIds })}
          preferredHeading="Наставники"
          othersHeading="Остальные участники"
          error={errors.authorIds}
        />
        <TextAreaField label="Что делали и как" required rows={5} value={f.description} error={errors.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
        <TextAreaField label="Что получилось" value={f.result} error={errors.result} onChange={(e) => setF({ ...f, result: e.target.value })} />
        <p className="muted">Учебный год: {school?.academicYear ?? '—'}.</p>
        <button type="submit" className="button button-primary button-block">
          Добавить
        </button>
      </ActionForm>
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
