import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useToasts } from '../../ui/toastStore';
import { formatRuDate, todayIso } from '../../domain/dates';
import { stripEnvelope } from '../../domain/envelope';
import { FINAL_GAME_TITLE, type EventFields } from '../../domain/event';
import { eventInputSchema } from '../../domain/event.schema';
import { fullName } from '../../domain/person';
import { eventsRepo } from '../../storage/repositories';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { AttendanceList } from '../../ui/AttendanceList';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';
import { useMentorships, usePeople } from '../../data/hooks';
import { useEvent, useEvents } from '../../data/events';

const KINDS = [
  { value: 'finalGame', label: 'итоговая деловая игра' },
  { value: 'other', label: 'другое мероприятие' },
];

interface EventForm {
  kind: string;
  title: string;
  date: string;
  place: string;
}
const resolver = domainResolver<EventForm, typeof eventInputSchema>(eventInputSchema, (v) => v);

/** Events of the year other than networking: the final business game and the rest, with attendance. */
export function EventsPage() {
  const events = useEvents();
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EventForm, unknown, EventFields>({ defaultValues: { kind: 'finalGame', title: FINAL_GAME_TITLE, date: todayIso(), place: '' }, resolver });
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const list = (events ?? []).filter((e) => e.kind !== 'networking').sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Page title="Мероприятия" backTo="/more">
      {events === undefined ? null : list.length === 0 ? (
        <EmptyState title="Мероприятий пока нет">
          <p>Создайте итоговую деловую игру «Твой результат — мои возможности» или другое мероприятие и отметьте участников.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Мероприятия">
          {list.map((e) => (
            <li key={e.id}>
              <Link className="list-item" to={`/events/${e.id}`}>
                <span className="list-title">{e.title}</span>
                <span className="list-sub">
                  {formatRuDate(e.date)} · участников: {e.attendeeIds.length}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form card-section"
        noValidate
        onSubmit={handleSubmit(async (fields) => {
          // The new event opens at once (attendance is the next step there): the form cannot create it twice.
          const saved = await writeOrShowRefusal(setError, () => eventsRepo.save(fields));
          if (saved === REFUSED) return;
          show(`Мероприятие создано: ${saved.title}`);
          navigate(`/events/${saved.id}`);
        })}
      >
        <h2>Новое мероприятие</h2>
        <SelectField
          label="Вид"
          options={KINDS}
          error={errors.kind?.message}
          {...register('kind', { onChange: (e: { target: { value: string } }) => setValue('title', e.target.value === 'finalGame' ? FINAL_GAME_TITLE : '') })}
        />
        <TextField label="Название" error={errors.title?.message} {...register('title')} />
        <TextField label="Дата" type="date" error={errors.date?.message} {...register('date')} />
        <TextField label="Место" error={errors.place?.message} {...register('place')} />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          Создать мероприятие
        </button>
      </form>
    </Page>
  );
}

/** One event: attendance ticked from the participants of live pairs and groups, and their share that came. */
export function EventPage() {
  const { id } = useParams() as { id: string };
  const event = useEvent(id);
  const people = usePeople();
  const mentorships = useMentorships();
  const inPairs = useMemo(
    () => new Set((mentorships ?? []).filter((m) => m.status !== 'interrupted').flatMap((m) => [...m.mentorIds, ...m.menteeIds])),
    [mentorships],
  );
  const candidates = useMemo(
    () =>
      (people ?? [])
        .filter((p) => inPairs.has(p.id) || p.roles.length > 0)
        .sort((a, b) => fullName(a).localeCompare(fullName(b), 'ru')),
    [people, inPairs],
  );
  if (event === undefined || !people) return <Page title="Мероприятие" backTo="/events">{null}</Page>;
  if (!event)
    return (
      <Page title="Мероприятие" backTo="/events">
        <EmptyState title="Мероприятие не найдено" />
      </Page>
    );
  const came = new Set(event.attendeeIds);
  const set = (ids: string[]) => void eventsRepo.save({ ...stripEnvelope(event), attendeeIds: ids }, event.id);
  const pairPeopleCame = [...inPairs].filter((x) => came.has(x)).length;
  const share = inPairs.size ? Math.round((pairPeopleCame / inPairs.size) * 1000) / 10 : null;
  return (
    <Page title={event.title} backTo="/events">
      <p className="muted">
        {formatRuDate(event.date)}
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <p role="status" data-testid="event-share">
        Пришли {pairPeopleCame} из {inPairs.size} участников пар и групп{share === null ? '' : ` — ${share.toLocaleString('ru-RU')}\u00a0%`}
        {event.kind === 'finalGame' ? ' (цель — не меньше 90\u00a0%)' : ''}
      </p>
      <AttendanceList people={candidates} attendeeIds={event.attendeeIds} onChange={set} label="Участники мероприятия" />
    </Page>
  );
}
