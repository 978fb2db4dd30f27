import { ActionForm } from '../../ui/ActionForm';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatRuDate, todayIso } from '../../domain/dates';
import { eventInputSchema } from '../../domain/event';
import { plural } from '../../domain/text';
import { fieldErrors } from '../../domain/zodErrors';
import { eventsRepo } from '../../storage/repositories';
import { EmptyState, Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';

/** Networking meetings: the list, and a new one in three fields. */
export function NetworkingListPage() {
  const navigate = useNavigate();
  const events = useLiveQuery(() => eventsRepo.listWhere('kind', 'networking'), []);
  const [fields, setFields] = useState({ title: 'Нетворкинг: знакомство наставников и наставляемых', date: todayIso(), place: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = async () => {
    const r = eventInputSchema.safeParse({ kind: 'networking', ...fields });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    const saved = await eventsRepo.save(r.data);
    navigate(`/networking/${saved.id}`);
  };

  return (
    <Page title="Нетворкинг и подбор пар" backTo="/more">
      <p className="muted">
        На нетворкинге наставники и наставляемые знакомятся; после него каждый называет до пяти предпочтительных людей, и приложение
        предлагает пары с учётом форм наставничества, мест у наставников и интересов.
      </p>
      {events === undefined ? null : events.length === 0 ? (
        <EmptyState title="Нетворкингов ещё не было">
          <p>Создайте встречу ниже: отметите присутствующих, заполните анкеты предпочтений и получите предложения пар.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Нетворкинги">
          {[...events]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((e) => (
              <li key={e.id}>
                <Link className="list-item" to={`/networking/${e.id}`}>
                  <span className="list-title">{e.title}</span>
                  <span className="list-sub">
                    {formatRuDate(e.date)}
                    {e.place ? ` · ${e.place}` : ''} · присутствовали: {plural(e.attendeeIds.length, { one: 'человек', few: 'человека', many: 'человек' })}
                  </span>
                </Link>
              </li>
            ))}
        </ul>
      )}
      <ActionForm className="form card-section" onSubmit={create}>
        <h2>Новый нетворкинг</h2>
        <TextField label="Название" value={fields.title} error={errors.title} onChange={(e) => setFields({ ...fields, title: e.target.value })} />
        <TextField label="Дата" type="date" value={fields.date} error={errors.date} onChange={(e) => setFields({ ...fields, date: e.target.value })} />
        <TextField label="Место" value={fields.place} error={errors.place} onChange={(e) => setFields({ ...fields, place: e.target.value })} />
        <button type="submit" className="button button-primary button-block">
          Создать нетворкинг
        </button>
      </ActionForm>
    </Page>
  );
}
