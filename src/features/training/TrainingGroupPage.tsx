import { useState } from 'react';
import { useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatRuDate, todayIso } from '../../domain/dates';
import { shortName } from '../../domain/person';
import {
  MIN_SESSIONS_PER_GROUP,
  SESSION_KINDS,
  SESSION_KIND_LABELS,
  TRAINING_FORMATS,
  TRAINING_FORMAT_LABELS,
  trainingSessionInputSchema,
  trainingSummary,
} from '../../domain/training';
import { fieldErrors } from '../../domain/zodErrors';
import { trainingGroupsRepo, trainingSessionsRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { usePeople } from '../../data/hooks';

const blank = () => ({ kind: 'session', date: todayIso(), topic: '', expert: '', format: 'inPerson', attendeeIds: [] as string[] });

/** One training group: its members, its sessions with attendance, and a new session or consultation. */
export function TrainingGroupPage() {
  const { id } = useParams() as { id: string };
  const show = useToasts((s) => s.show);
  const group = useLiveQuery(() => trainingGroupsRepo.get(id).then((g) => g ?? null), [id]);
  const sessions = useLiveQuery(() => trainingSessionsRepo.listWhere('groupId', id), [id]);
  const people = usePeople();
  const [f, setF] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
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
        onSubmit={(e) => {
          e.preventDefault();
          const r = trainingSessionInputSchema.safeParse({ ...f, groupId: id });
          if (!r.success) return setErrors(fieldErrors(r.error));
          setErrors({});
          void trainingSessionsRepo.save(r.data).then(() => {
            setF({ ...blank(), expert: f.expert, format: f.format });
            show('Занятие записано');
          });
        }}
      >
        <h2>Записать занятие</h2>
        <SelectField label="Вид" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })} options={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))} />
        <TextField label="Дата занятия" type="date" value={f.date} error={errors.date} onChange={(e) => setF({ ...f, date: e.target.value })} />
        <TextField label="Тема" value={f.topic} error={errors.topic} onChange={(e) => setF({ ...f, topic: e.target.value })} />
        <TextField label="Эксперт" value={f.expert} error={errors.expert} onChange={(e) => setF({ ...f, expert: e.target.value })} />
        <SelectField label="Формат" value={f.format} onChange={(e) => setF({ ...f, format: e.target.value })} options={TRAINING_FORMATS.map((k) => ({ value: k, label: TRAINING_FORMAT_LABELS[k] }))} />
        <fieldset className={`field${errors.attendeeIds ? ' field-invalid' : ''}`}>
          <legend>Присутствовали</legend>
          {group.memberIds.map((pid) => (
            <label key={pid} className="checkbox">
              <input
                type="checkbox"
                checked={f.attendeeIds.includes(pid)}
                onChange={(e) => setF({ ...f, attendeeIds: e.target.checked ? [...f.attendeeIds, pid] : f.attendeeIds.filter((x) => x !== pid) })}
              />{' '}
              {name(pid)}
            </label>
          ))}
          {errors.attendeeIds && (
            <p className="field-error" role="alert">
              {errors.attendeeIds}
            </p>
          )}
        </fieldset>
        <button type="submit" className="button button-primary button-block">
          Записать
        </button>
      </form>
    </Page>
  );
}
