import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { nextUnanswered } from '../../domain/networking';
import { MAX_RANKED, preferenceInputSchema, type PreferenceSide } from '../../domain/preference';
import { fieldErrors } from '../../domain/zodErrors';
import { savePreference } from '../../storage/networking';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useNetworkingEvent } from '../../data/useNetworkingEvent';
import { personLine } from '../../domain/person';

/**
 * One person's preference questionnaire: up to five people of the other side, best first. Built for the curator
 * filling in many on one phone: «Сохранить и дальше» opens the next person without an answer.
 */
export function PreferencePage() {
  const { id, personId, side } = useParams() as { id: string; personId: string; side: PreferenceSide };
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const data = useNetworkingEvent(id);
  const existing = data?.answers.get(`${personId}|${side}`);
  const [ranked, setRanked] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setRanked(null);
    setErrors({});
  }, [personId, side]);
  const value = ranked ?? existing?.ranked ?? [];
  const otherRole = side === 'mentee' ? 'mentor' : 'mentee';
  const options = useMemo(() => personOptions((data?.people ?? []).filter((p) => p.id !== personId), otherRole), [data?.people, personId, otherRole]);

  if (data === undefined) return <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>{null}</Page>;
  const person = data.byId.get(personId);
  if (!data.event || !person)
    return (
      <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>
        <EmptyState title="Участник или мероприятие не найдены" />
      </Page>
    );

  const save = async (andNext: boolean) => {
    const r = preferenceInputSchema.safeParse({ eventId: id, personId, side, ranked: value });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    await savePreference(r.data);
    show(`Анкета: ${personLine(person)} — сохранено`);
    const answered = new Set([...data.answers.keys(), `${personId}|${side}`]);
    const next = andNext ? nextUnanswered(data.queue, answered, { personId, side }) : undefined;
    if (next) navigate(`/networking/${id}/answer/${next.person.id}/${next.side}`);
    else navigate(`/networking/${id}`);
  };

  const move = (i: number, d: -1 | 1) => {
    const list = [...value];
    [list[i], list[i + d]] = [list[i + d]!, list[i]!];
    setRanked(list);
  };

  return (
    <Page title="Анкета предпочтений" backTo={`/networking/${id}`}>
      <h2>{personLine(person)}</h2>
      <p className="muted">
        {side === 'mentee'
          ? `Наставляемый называет до ${MAX_RANKED} наставников, с которыми хотел бы работать, — первым самого желанного.`
          : `Наставник называет до ${MAX_RANKED} наставляемых, с которыми хотел бы работать, — первым самого желанного.`}
      </p>
      <PersonPicker
        label={side === 'mentee' ? 'Предпочтительные наставники' : 'Предпочтительные наставляемые'}
        options={options}
        value={value}
        onChange={setRanked}
        max={MAX_RANKED}
        preferredHeading={side === 'mentee' ? 'Наставники' : 'Наставляемые'}
        error={errors.ranked ?? Object.entries(errors).find(([k]) => k.startsWith('ranked.'))?.[1]}
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
      {errors.personId && <p className="field-error">{errors.personId}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void save(false)}>
          Сохранить
        </button>
        <button type="button" className="button button-primary" onClick={() => void save(true)}>
          Сохранить и дальше
        </button>
      </div>
      <p>
        <Link to={`/networking/${id}`}>Все анкеты</Link>
      </p>
    </Page>
  );
}
