import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import { stripEnvelope } from '../../domain/envelope';
import { plural } from '../../domain/text';
import { eventsRepo } from '../../storage/repositories';
import { EmptyState, Page } from '../../ui/Page';
import { useNetworkingEvent } from '../../data/useNetworkingEvent';
import { personLine } from '../../domain/person';
import { AttendanceList } from '../../ui/AttendanceList';

const SIDE = { mentee: 'как наставляемый', mentor: 'как наставник' } as const;

/** One networking meeting: who came, who has answered the preference questionnaire, and the way to suggestions. */
export function EventPage() {
  const { id } = useParams();
  const data = useNetworkingEvent(id);
  const candidates = useMemo(() => (data?.people ?? []).filter((p) => p.roles.length > 0), [data?.people]);

  if (data === undefined) return <Page title="Нетворкинг" backTo="/networking">{null}</Page>;
  const { event, queue, answers } = data;
  if (!event)
    return (
      <Page title="Нетворкинг" backTo="/networking">
        <EmptyState title="Мероприятие не найдено">
          <p>Возможно, его удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );

  const attendees = new Set(event.attendeeIds);
  const setAttendance = (ids: string[]) => void eventsRepo.save({ ...stripEnvelope(event), attendeeIds: ids }, event.id);
  const answered = queue.filter((e) => answers.has(`${e.person.id}|${e.side}`)).length;
  const firstOpen = queue.find((e) => !answers.has(`${e.person.id}|${e.side}`));

  return (
    <Page title={event.title} backTo="/networking">
      <p className="muted">
        {formatRuDate(event.date)}
        {event.place ? ` · ${event.place}` : ''}
      </p>

      <section className="card-section" aria-labelledby="att-h">
        <h2 id="att-h">Присутствие</h2>
        <p role="status">Отмечено: {plural(attendees.size, { one: 'человек', few: 'человека', many: 'человек' })}</p>
        <AttendanceList people={candidates} attendeeIds={event.attendeeIds} onChange={setAttendance} label="Присутствовали" limit={200} />
      </section>

      <section className="card-section" aria-labelledby="prefs-h">
        <h2 id="prefs-h">Анкеты предпочтений</h2>
        <p role="status">
          Заполнено {answered} из {queue.length}.
        </p>
        <div className="button-row">
          {firstOpen && (
            <Link className="button button-primary" to={`/networking/${event.id}/answer/${firstOpen.person.id}/${firstOpen.side}`}>
              Заполнить анкеты
            </Link>
          )}
          <Link className="button" to={`/networking/${event.id}/matching`}>
            Подбор пар
          </Link>
        </div>
        {queue.length === 0 ? (
          <p className="muted">Ни у кого нет роли «наставник» или «наставляемый». Отметьте роли в карточках участников.</p>
        ) : (
          <ul className="list" aria-label="Анкеты">
            {queue.map(({ person, side }) => {
              const a = answers.get(`${person.id}|${side}`);
              return (
                <li key={`${person.id}|${side}`}>
                  <Link className="list-item" to={`/networking/${event.id}/answer/${person.id}/${side}`}>
                    <span className="list-title">{personLine(person)}</span>
                    <span className="list-sub">
                      {SIDE[side]} · {a ? `выбрано: ${a.ranked.length}` : 'анкета не заполнена'}

                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        {data.absent.length > 0 && (
          <p className="muted" data-testid="absent">
            Не были на встрече (анкеты не нужны, в подбор не входят — пару им подберите вручную):{' '}
            {data.absent.map((p) => personLine(p)).join(', ')}.
          </p>
        )}
      </section>
    </Page>
  );
}
