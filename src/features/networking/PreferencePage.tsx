import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { nextUnanswered } from '../../domain/networking';
import { MAX_RANKED, type PreferenceFields, type PreferenceSide } from '../../domain/preference';
import { preferenceInputSchema } from '../../domain/preference.schema';
import { savePreference } from '../../storage/networking';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useNetworkingEvent } from '../../data/useNetworkingEvent';
import { personLine, type Person } from '../../domain/person';
import { domainResolver, firstSegment, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface PreferenceForm {
  ranked: string[];
}
/** Only the ranking is typed here; a problem with the rest (the person, the event) is the form's, not a field's. */
const fieldOf = (path: string) => (firstSegment(path) === 'ranked' ? 'ranked' : `root.${firstSegment(path)}`);

/**
 * One person's preference questionnaire: up to five people of the other side, best first. Built for the curator
 * filling in many on one phone: «Сохранить и дальше» opens the next person without an answer.
 */
export function PreferencePage() {
  const { id, personId, side } = useParams() as { id: string; personId: string; side: PreferenceSide };
  const data = useNetworkingEvent(id);
  if (data === undefined) return <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>{null}</Page>;
  const person = data.byId.get(personId);
  if (!data.event || !person)
    return (
      <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>
        <EmptyState title="Участник или мероприятие не найдены" />
      </Page>
    );
  // A new form for each person and side (the next one opens on the same page).
  return <PreferenceBody key={`${personId}|${side}`} eventId={id} person={person} side={side} data={data} />;
}

function PreferenceBody({ eventId: id, person, side, data }: { eventId: string; person: Person; side: PreferenceSide; data: NonNullable<ReturnType<typeof useNetworkingEvent>> }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const personId = person.id;
  const existing = data.answers.get(`${personId}|${side}`);
  const otherRole = side === 'mentee' ? 'mentor' : 'mentee';
  const options = useMemo(() => personOptions(data.people.filter((p) => p.id !== personId), otherRole), [data.people, personId, otherRole]);
  const resolver = useMemo(
    () => domainResolver<PreferenceForm, typeof preferenceInputSchema>(preferenceInputSchema, (v) => ({ eventId: id, personId, side, ranked: v.ranked }), { fieldOf }),
    [id, personId, side],
  );
  const {
    control,
    handleSubmit,
    watch,
    setValue,
    setError,
    formState: { errors },
  } = useForm<PreferenceForm, unknown, PreferenceFields>({ defaultValues: { ranked: existing?.ranked ?? [] }, resolver });
  const value = watch('ranked');

  const save = (andNext: boolean) =>
    handleSubmit(async (fields) => {
      if ((await writeOrShowRefusal(setError, () => savePreference(fields), fieldOf)) === REFUSED) return;
      show(`Анкета: ${personLine(person)} — сохранено`);
      const answered = new Set([...data.answers.keys(), `${personId}|${side}`]);
      const next = andNext ? nextUnanswered(data.queue, answered, { personId, side }) : undefined;
      if (next) navigate(`/networking/${id}/answer/${next.person.id}/${next.side}`);
      else navigate(`/networking/${id}`);
    })();

  const move = (i: number, d: -1 | 1) => {
    const list = [...value];
    [list[i], list[i + d]] = [list[i + d]!, list[i]!];
    setValue('ranked', list, { shouldDirty: true });
  };

  return (
    <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>
      <h2>{personLine(person)}</h2>
      <p className="muted">
        {side === 'mentee'
          ? `Наставляемый называет до ${MAX_RANKED} наставников, с которыми хотел бы работать, — первым самого желанного.`
          : `Наставник называет до ${MAX_RANKED} наставляемых, с которыми хотел бы работать, — первым самого желанного.`}
      </p>
      {/* The buttons save; Enter in the picker ticks a person, it does not send the form. */}
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <Controller
          control={control}
          name="ranked"
          render={({ field }) => (
            <PersonPicker
              label={side === 'mentee' ? 'Предпочтительные наставники' : 'Предпочтительные наставляемые'}
              name={field.name}
              options={options}
              value={field.value}
              onChange={field.onChange}
              max={MAX_RANKED}
              preferredHeading={side === 'mentee' ? 'Наставники' : 'Наставляемые'}
              error={errors.ranked?.message}
            />
          )}
        />
        {value.length > 0 && (
          <ol className="ranked-list" aria-label="Порядок предпочтений">
            {value.map((pid, i) => (
              <li key={pid}>
                <span>
                  {i + 1}. {personLine(data.byId.get(pid))}
                </span>
                <span className="inline-actions">
                  <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Выше: ${personLine(data.byId.get(pid))}`}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={i === value.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Ниже: ${personLine(data.byId.get(pid))}`}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {errors.root?.personId && <p className="field-error">{errors.root.personId.message}</p>}
        <FormErrorSummary errors={errors} />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void save(false)}>
            Сохранить
          </button>
          <button type="button" className="button button-primary" onClick={() => void save(true)}>
            Сохранить и дальше
          </button>
        </div>
      </form>
      <p>
        <Link to={`/networking/${id}`}>Все анкеты</Link>
      </p>
    </Page>
  );
}
