import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useToasts } from '../../ui/toastStore';
import { todayIso } from '../../domain/dates';
import { plural } from '../../domain/text';
import { MIN_EXPERTS, MIN_SESSIONS_PER_GROUP, trainingSummary, type TrainingGroupFields } from '../../domain/training';
import { trainingGroupInputSchema } from '../../domain/training.schema';
import { trainingGroupsRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { TextField } from '../../ui/fields';
import { personOptions } from '../../ui/personOptions';
import { usePeople } from '../../data/hooks';
import { useTrainingGroups, useTrainingSessions } from '../../data/training';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface GroupForm {
  name: string;
  memberIds: string[];
}
const resolver = domainResolver<GroupForm, typeof trainingGroupInputSchema>(trainingGroupInputSchema, (v) => v);

/** Mentor training: the roadmap's bars, the groups, and a new group. */
export function TrainingPage() {
  const groups = useTrainingGroups();
  const sessions = useTrainingSessions();
  const people = usePeople();
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<GroupForm, unknown, TrainingGroupFields>({ defaultValues: { name: '', memberIds: [] }, resolver });
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const options = useMemo(() => personOptions(people ?? [], 'mentor'), [people]);
  if (!groups || !sessions || !people) return <Page title="Обучение наставников" backTo="/more">{null}</Page>;
  const summary = trainingSummary(groups, sessions, todayIso());

  return (
    <Page title="Обучение наставников" backTo="/more">
      <section className="card-section" aria-label="Показатели обучения">
        <p data-testid="experts-bar">
          Экспертов привлечено: {summary.experts.length} (нужно не меньше {MIN_EXPERTS}){' '}
          <span className={`badge ${summary.expertsMet ? 'badge-ok' : 'badge-warn'}`}>{summary.expertsMet ? 'выполнено' : 'пока меньше'}</span>
        </p>
        <p className="muted">В каждой группе — не меньше {MIN_SESSIONS_PER_GROUP} занятий.</p>
      </section>
      {groups.length === 0 ? (
        <EmptyState title="Групп обучения пока нет">
          <p>Создайте группу наставников ниже, затем записывайте её занятия и консультации.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Группы обучения">
          {groups.map((g) => {
            const s = summary.groups.find((x) => x.groupId === g.id)!;
            return (
              <li key={g.id}>
                <Link className="list-item" to={`/training/${g.id}`}>
                  <span className="list-title">{g.name}</span>
                  <span className="list-sub">
                    {plural(g.memberIds.length, { one: 'наставник', few: 'наставника', many: 'наставников' })} · занятий {s.sessions} из {MIN_SESSIONS_PER_GROUP}
                    {s.consultations ? ` · консультаций ${s.consultations}` : ''}
                  </span>
                  <span className="badges">
                    <span className={`badge ${s.sessionsMet ? 'badge-ok' : 'badge-warn'}`}>{s.sessionsMet ? 'занятий достаточно' : 'занятий мало'}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="form card-section"
        noValidate
        onSubmit={handleSubmit(async (fields) => {
          // The new group opens at once (its sessions are the next step there): the form cannot create it twice.
          const saved = await writeOrShowRefusal(setError, () => trainingGroupsRepo.save(fields));
          if (saved === REFUSED) return;
          reset();
          show(`Группа создана: ${saved.name}`);
          navigate(`/training/${saved.id}`);
        })}
      >
        <h2>Новая группа</h2>
        <TextField label="Название группы" error={errors.name?.message} {...register('name')} />
        <Controller
          control={control}
          name="memberIds"
          render={({ field }) => (
            <PersonPicker
              label="Наставники в группе"
              name={field.name}
              options={options}
              value={field.value}
              onChange={field.onChange}
              preferredHeading="Наставники"
              error={errors.memberIds?.message}
            />
          )}
        />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          Создать группу
        </button>
      </form>
    </Page>
  );
}
