import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useParams } from 'react-router';
import { formatRuDate, todayIso } from '../../domain/dates';
import { shortName } from '../../domain/person';
import { MIN_SESSIONS_PER_GROUP, SESSION_KINDS, SESSION_KIND_LABELS, TRAINING_FORMATS, TRAINING_FORMAT_LABELS, trainingSummary, type TrainingSessionFields } from '../../domain/training';
import { trainingSessionInputSchema } from '../../domain/training.schema';
import type { Person } from '../../domain/person';
import { trainingSessionsRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { usePeople } from '../../data/hooks';
import { useSessionsOf, useTrainingGroup } from '../../data/training';
import { AttendanceList } from '../../ui/AttendanceList';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface SessionForm {
  kind: string;
  date: string;
  topic: string;
  expert: string;
  format: string;
  attendeeIds: string[];
}
const blank = (): SessionForm => ({ kind: 'session', date: todayIso(), topic: '', expert: '', format: 'inPerson', attendeeIds: [] });

/** One training group: its members, its sessions with attendance, and a new session or consultation. */
export function TrainingGroupPage() {
  const { id } = useParams() as { id: string };
  const show = useToasts((s) => s.show);
  const group = useTrainingGroup(id);
  const sessions = useSessionsOf(id);
  const people = usePeople();
  const resolver = useMemo(() => domainResolver<SessionForm, typeof trainingSessionInputSchema>(trainingSessionInputSchema, (v) => ({ ...v, groupId: id })), [id]);
  const {
    register,
    control,
    handleSubmit,
    reset,
    getValues,
    setError,
    formState: { errors },
  } = useForm<SessionForm, unknown, TrainingSessionFields>({ defaultValues: blank(), resolver });
  if (group === undefined || !sessions || !people) return <Page title="Группа обучения" backTo="/training">{null}</Page>;
  if (!group)
    return (
      <Page title="Группа обучения" backTo="/training">
        <EmptyState title="Группа не найдена" />
      </Page>
    );
  const byId = new Map(people.map((p) => [p.id, p]));
  const s = trainingSummary([group], sessions, todayIso()).groups[0]!;
  const name = (pid: string) => (byId.get(pid) ? shortName(byId.get(pid)!) : '(удалён)');
  // Members whose record is gone are not offered: nobody can tick a deleted person as present.
  const members = group.memberIds.map((pid) => byId.get(pid)).filter((p): p is Person => !!p);

  return (
    <Page title={group.name} backTo="/training">
      <p role="status" data-testid="group-bar">
        Занятий проведено: {s.sessions} из {MIN_SESSIONS_PER_GROUP} · экспертов: {s.experts.length}
        {s.attendance !== null ? ` · посещаемость ${Math.round(s.attendance * 100)} %` : ''}
      </p>
      <p className="muted">Наставники: {group.memberIds.map(name).join(', ') || 'пока никого'}</p>
      <h2>Занятия и консультации</h2>
      {sessions.length === 0 ? (
        <p className="muted">Занятий ещё не было.</p>
      ) : (
        <ul className="list" aria-label="Занятия">
          {[...sessions]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((x) => (
              <li key={x.id} className="list-item">
                <span className="list-title">
                  {formatRuDate(x.date)} · {x.topic}
                </span>
                <span className="list-sub">
                  {SESSION_KIND_LABELS[x.kind]} · {x.expert} · {TRAINING_FORMAT_LABELS[x.format]} · присутствовали: {x.attendeeIds.length}
                </span>
              </li>
            ))}
        </ul>
      )}
      <form
        className="form card-section"
        noValidate
        onSubmit={handleSubmit(async (fields) => {
          if ((await writeOrShowRefusal(setError, () => trainingSessionsRepo.save(fields))) === REFUSED) return;
          // Every field starts again, the expert too (the next session is often someone else's); the format stays,
          // as the select shows it.
          reset({ ...blank(), format: getValues('format') });
          show('Занятие записано');
        })}
      >
        <h2>Записать занятие</h2>
        <SelectField label="Вид" error={errors.kind?.message} {...register('kind')} options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))} />
        <TextField label="Дата занятия" type="date" error={errors.date?.message} {...register('date')} />
        <TextField label="Тема" error={errors.topic?.message} {...register('topic')} />
        <TextField label="Эксперт" error={errors.expert?.message} {...register('expert')} />
        <SelectField label="Формат" error={errors.format?.message} {...register('format')} options={TRAINING_FORMATS.map((k) => ({ value: k, label: TRAINING_FORMAT_LABELS[k] }))} />
        <fieldset className={`field${errors.attendeeIds ? ' field-invalid' : ''}`} data-field="attendeeIds">
          <legend>Присутствовали</legend>
          <Controller
            control={control}
            name="attendeeIds"
            render={({ field }) => (
              <AttendanceList people={members} attendeeIds={field.value} onChange={field.onChange} label="Присутствовали" searchable={members.length > 10} />
            )}
          />
          {errors.attendeeIds && (
            <p className="field-error" role="alert">
              {errors.attendeeIds.message}
            </p>
          )}
        </fieldset>
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block">
          Записать
        </button>
      </form>
    </Page>
  );
}
