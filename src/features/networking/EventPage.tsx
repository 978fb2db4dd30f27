import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import { stripEnvelope } from '../../domain/envelope';
import { fullName } from '../../domain/person';
import { matchesQuery, plural } from '../../domain/text';
import { eventsRepo } from '../../storage/repositories';
import { EmptyState, Page } from '../../ui/Page';
import { personLine, useNetworkingEvent } from './useNetworking';

const SIDE = { mentee: 'как наставляемый', mentor: 'как наставник' } as const;

/** One networking meeting: who came, who has answered the preference questionnaire, and the way to suggestions. */
export function EventPage() {
  const { id } = useParams();
  const data = useNetworkingEvent(id);
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => (data?.people ?? []).filter((p) => p.roles.length > 0), [data?.people]);
  const found = useMemo(() => candidates.filter((p) => matchesQuery(`${fullName(p)} ${p.classLabel}`, query)), [candidates, query]);

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
                      {attendees.size > 0 && !attendees.has(person.id) ? ' · не был(а)' : ''}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card-section" aria-labelledby="att-h">
        <h2 id="att-h">Присутствие</h2>
        <p role="status">Отмечено: {plural(attendees.size, { one: 'человек', few: 'человека', many: 'человек' })}</p>
        <div className="field">
          <label htmlFor="att-search">Поиск</label>
          <input id="att-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Фамилия, имя, класс" />
        </div>
        <div className="button-row">
          <button type="button" className="button button-small" onClick={() => setAttendance([...new Set([...attendees, ...found.map((p) => p.id)])])}>
            Отметить всех{query ? ' найденных' : ''} ({found.length})
          </button>
          <button type="button" className="button button-small" onClick={() => setAttendance([...attendees].filter((x) => !found.some((p) => p.id === x)))}>
            Снять отметки
          </button>
        </div>
        <ul className="checklist" aria-label="Присутствовали">
          {found.slice(0, 200).map((p) => (
            <li key={p.id}>
              <label className="check-item">
                <input
                  type="checkbox"
                  checked={attendees.has(p.id)}
                  onChange={(e) => setAttendance(e.target.checked ? [...attendees, p.id] : [...attendees].filter((x) => x !== p.id))}
                />
                <span>{personLine(p)}</span>
              </label>
            </li>
          ))}
        </ul>
        {found.length > 200 && <p className="muted">Показаны первые 200: уточните поиск.</p>}
      </section>
    </Page>
  );
}
