import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { formatRuDate, todayIso } from '../../domain/dates';
import { type EventFields } from '../../domain/event';
import { eventInputSchema } from '../../domain/event.schema';
import { plural } from '../../domain/text';
import { eventsRepo } from '../../storage/repositories';
import { useNetworkingEvents } from '../../data/networking';
import { EmptyState, Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface NetworkingForm {
  title: string;
  date: string;
  place: string;
}
const resolver = domainResolver<NetworkingForm, typeof eventInputSchema>(eventInputSchema, (v) => ({ kind: 'networking', ...v }));

/** Networking meetings: the list, and a new one in three fields. */
export function NetworkingListPage() {
  const navigate = useNavigate();
  const events = useNetworkingEvents();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<NetworkingForm, unknown, EventFields>({
    defaultValues: { title: 'Нетворкинг: знакомство наставников и наставляемых', date: todayIso(), place: '' },
    resolver,
  });

  const create = handleSubmit(async (fields) => {
    const saved = await writeOrShowRefusal(setError, () => eventsRepo.save(fields));
    if (saved === REFUSED) return;
    navigate(`/networking/${saved.id}`);
  });

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
      <form className="form card-section" noValidate onSubmit={create}>
        <h2>Новый нетворкинг</h2>
        <TextField label="Название" error={errors.title?.message} {...register('title')} />
        <TextField label="Дата" type="date" error={errors.date?.message} {...register('date')} />
        <TextField label="Место" error={errors.place?.message} {...register('place')} />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block">
          Создать нетворкинг
        </button>
      </form>
    </Page>
  );
}
