import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { explainPair, mentorPlaces, suggestMatches, type MatchingInput, type Suggestion } from '../../domain/matching';
import { prepareMatching } from '../../domain/matching/context';
import { stripEnvelope } from '../../domain/envelope';
import {
  acceptPair,
  acceptanceOf,
  withAccepted,
  matchingInputFrom,
  mentorshipsFromAccepted,
  rejectPair,
  unrejectPair,
  withoutAcceptance,
  type AcceptedPair,
} from '../../domain/networking';
import { todayIso } from '../../domain/dates';
import { PAIRS_OR_GROUPS, plural } from '../../domain/text';
import { createMentorships } from '../../storage/networking';
import { peopleRepo } from '../../storage/repositories';
import { EmptyState, Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { useMentoringForms } from '../../data/useMentoringForms';
import { useNetworkingEvent } from '../../data/useNetworkingEvent';
import { personLine } from '../../domain/person';
import { useMatchingDraft } from './useMatchingDraft';

const pairKey = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

/**
 * Suggestions from the preferences and compatibility. The curator accepts, changes or rejects each (every decision is
 * kept as a draft at once); accepted ones become pairs (or a group, for a mentor marked so) in one transaction.
 */
export function MatchingPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const data = useNetworkingEvent(id);
  const forms = useMentoringForms();
  const { draft, update, finish } = useMatchingDraft(id, data?.people);
  const rules = draft?.rules;
  const rejected = draft?.rejected;
  const [changing, setChanging] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const input = useMemo(
    () =>
      data && forms && rules && rejected
        ? matchingInputFrom({
            people: data.people,
            forms,
            preferences: data.preferences,
            mentorships: data.mentorships,
            eventId: id,
            rules: { ...rules, excludedPairs: rejected },
            attendeeIds: data.event?.attendeeIds ?? [],
          })
        : undefined,
    [data, forms, id, rules, rejected],
  );
  const acceptedList = draft?.accepted;
  // Accepted suggestions take their mentors' places: what is suggested next fits the places left.
  const result = useMemo(() => (input && acceptedList ? suggestMatches(withAccepted(input, acceptedList)) : undefined), [input, acceptedList]);

  if (!data || !draft || !rules || !input || !result || !acceptedList) return <Page title="Подбор пар" backTo={`/networking/${id}`}>{null}</Page>;
  const name = (pid: string) => personLine(data.byId.get(pid));
  const accepted = new Set(acceptedList.map((a) => a.menteeId));
  const groups = new Set(draft.groups);
  const perMentor = new Map<string, number>();
  for (const a of acceptedList) perMentor.set(a.mentorId, (perMentor.get(a.mentorId) ?? 0) + 1);

  const accept = (a: AcceptedPair) => update(acceptPair(draft, a));
  const unaccept = (menteeId: string) => update(withoutAcceptance(draft, menteeId));
  const reject = (s: Suggestion) => update(rejectPair(draft, s));
  const setRules = (next: typeof rules) => update({ ...draft, rules: next });
  const setGroups = (next: Set<string>) => update({ ...draft, groups: [...next] });
  /** One more place for a mentor whose places are all taken, then the acceptance: the curator asked for both. */
  const growAndAccept = async (a: AcceptedPair, capacity: number) => {
    const mentor = await peopleRepo.get(a.mentorId);
    if (!mentor) return;
    await peopleRepo.save({ ...stripEnvelope(mentor), mentorCapacity: capacity + 1 }, mentor.id);
    accept(a);
    show(`${name(a.mentorId)}: мест теперь ${capacity + 1}`);
  };
  const changer = (menteeId: string, label = 'Другой наставник') => (
    <ChangeMentor
      menteeId={menteeId}
      label={label}
      input={input}
      accepted={acceptedList}
      name={name}
      onAccept={(a) => {
        accept(a);
        setChanging(null);
      }}
      onGrow={(a, capacity) => {
        void growAndAccept(a, capacity).then(() => setChanging(null));
      }}
    />
  );

  const create = async () => {
    setSaving(true);
    try {
      const items = mentorshipsFromAccepted(acceptedList, groups, todayIso());
      await createMentorships(items);
      await finish();
      show(`Создано: ${plural(items.length, PAIRS_OR_GROUPS)}, статус «формируется»`);
      navigate('/mentorships');
    } finally {
      setSaving(false);
    }
  };

  // Suggestions for mentees not yet accepted, plus accepted ones (which may have been changed by hand).
  const shown = result.suggestions.filter((s) => !accepted.has(s.menteeId));

  return (
    <Page title="Подбор пар" backTo={`/networking/${id}`}>
      <fieldset className="field subtle-fieldset">
        <legend>Правила</legend>
        <label className="checkbox">
          <input type="checkbox" checked={rules.notSameClass} onChange={(e) => setRules({ ...rules, notSameClass: e.target.checked })} /> Не из одного
          класса
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={rules.mentorInHigherGrade} onChange={(e) => setRules({ ...rules, mentorInHigherGrade: e.target.checked })} />{' '}
          Наставник-ученик старше наставляемого
        </label>
      </fieldset>

      {acceptedList.length > 0 && (
        <section className="card-section" aria-labelledby="acc-h">
          <h2 id="acc-h">Принято: {acceptedList.length}</h2>
          <ul className="list" aria-label="Принятые пары">
            {acceptedList.map((a) => (
              <li key={a.menteeId} className="list-item decision-item">
                <span className="list-title">
                  {name(a.menteeId)} ← {name(a.mentorId)}
                </span>
                <button type="button" className="link-button" onClick={() => unaccept(a.menteeId)}>
                  Вернуть в предложения
                </button>
              </li>
            ))}
          </ul>
          {[...perMentor].filter(([, n]) => n > 1).map(([mentorId, n]) => (
            <label key={mentorId} className="checkbox">
              <input
                type="checkbox"
                checked={groups.has(mentorId)}
                onChange={(e) => {
                  const next = new Set(groups);
                  if (e.target.checked) next.add(mentorId);
                  else next.delete(mentorId);
                  setGroups(next);
                }}
              />{' '}
              {name(mentorId)}: объединить {n} наставляемых в группу
            </label>
          ))}
          <button type="button" className="button button-primary button-block" disabled={saving} onClick={() => void create()}>
            Создать пары и группы ({mentorshipsFromAccepted(acceptedList, groups).length})
          </button>
        </section>
      )}

      <section aria-labelledby="sug-h">
        <h2 id="sug-h">Предложения: {shown.length}</h2>
        {shown.length === 0 && acceptedList.length === 0 ? (
          <EmptyState title="Предложений нет">
            <p>Нужны участники с ролями «наставник» и «наставляемый», для которых есть подходящая форма наставничества. Анкеты помогают, но не обязательны.</p>
          </EmptyState>
        ) : (
          <ul className="suggestions" aria-label="Предложения пар">
            {shown.map((s) => (
              <li key={pairKey(s.menteeId, s.mentorId)} className="card-section suggestion" aria-label={`${name(s.menteeId)} и ${name(s.mentorId)}`}>
                <p className="suggestion-pair">
                  <strong>{name(s.menteeId)}</strong> ← наставник <strong>{name(s.mentorId)}</strong>
                </p>
                <p className="muted">
                  {s.formName} · совместимость {s.score} из 100
                </p>
                <ul className="reasons">
                  {s.reasons.slice(0, 3).map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                <div className="button-row">
                  <button type="button" className="button button-small button-primary" onClick={() => accept({ menteeId: s.menteeId, mentorId: s.mentorId, formId: s.formId })}>
                    Принять
                  </button>
                  <button type="button" className="button button-small" onClick={() => setChanging(changing === s.menteeId ? null : s.menteeId)} aria-expanded={changing === s.menteeId}>
                    Изменить
                  </button>
                  <button type="button" className="button button-small" onClick={() => reject(s)}>
                    Отклонить
                  </button>
                </div>
                {changing === s.menteeId && changer(s.menteeId)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {draft.rejected.length > 0 && (
        <section className="card-section" aria-labelledby="rej-h">
          <h2 id="rej-h">Отклонено: {draft.rejected.length}</h2>
          <p className="muted">Эти пары больше не предлагаются.</p>
          <ul className="list" aria-label="Отклонённые пары">
            {draft.rejected.map((r) => (
              <li key={pairKey(r.menteeId, r.mentorId)} className="list-item decision-item">
                <span className="list-title">
                  {name(r.menteeId)} ← {name(r.mentorId)}
                </span>
                <button type="button" className="link-button" onClick={() => update(unrejectPair(draft, r))}>
                  Предлагать снова
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.unmatched.length > 0 && (
        <section className="card-section" aria-labelledby="un-h">
          <h2 id="un-h">Без пары: {result.unmatched.length}</h2>
          <ul className="list" aria-label="Без пары">
            {result.unmatched.map((u) => (
              <li key={u.menteeId} className="list-item unmatched-item">
                <span className="list-title">{name(u.menteeId)}</span>
                <span className="list-sub">{u.reason}</span>
                <button
                  type="button"
                  className="button button-small"
                  aria-expanded={changing === u.menteeId}
                  onClick={() => setChanging(changing === u.menteeId ? null : u.menteeId)}
                >
                  Назначить наставника
                </button>
                {changing === u.menteeId && changer(u.menteeId, 'Наставник')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

function ChangeMentor({
  menteeId,
  label,
  input,
  accepted,
  name,
  onAccept,
  onGrow,
}: {
  menteeId: string;
  label: string;
  input: MatchingInput;
  accepted: readonly AcceptedPair[];
  name: (id: string) => string;
  onAccept: (a: AcceptedPair) => void;
  onGrow: (a: AcceptedPair, capacity: number) => void;
}) {
  const [mentorId, setMentorId] = useState('');
  // Places as they stand with every other accepted suggestion counted (this mentee's own acceptance left out).
  const market = useMemo(() => withAccepted(input, accepted, menteeId), [input, accepted, menteeId]);
  // The market is prepared once per dialog; each pick's explanation and check reuse it.
  const ctx = useMemo(() => prepareMatching(market), [market]);
  const places = useMemo(() => mentorPlaces(market, ctx), [market, ctx]);
  const sorted = useMemo(
    () => input.mentors.map((m) => m.id).filter((m) => m !== menteeId).sort((a, b) => name(a).localeCompare(name(b), 'ru')),
    [input, menteeId, name],
  );
  const e = mentorId ? explainPair(market, menteeId, mentorId, ctx) : undefined;
  const check = e ? acceptanceOf(e) : undefined;
  const placesText = (m: string) => {
    const p = places.get(m);
    return !p ? '' : p.free > 0 ? `свободно ${p.free} из ${p.capacity}` : 'мест нет';
  };
  return (
    <div className="change-mentor">
      <div className="field">
        <label htmlFor={`change-${menteeId}`}>{label}</label>
        <select id={`change-${menteeId}`} value={mentorId} onChange={(ev) => setMentorId(ev.target.value)}>
          <option value="">— выберите —</option>
          {sorted.map((m) => (
            <option key={m} value={m}>
              {name(m)} — {placesText(m)}
            </option>
          ))}
        </select>
      </div>
      {e &&
        check &&
        (e.allowed ? (
          <>
            <p className="muted">
              {e.breakdown.formName} · совместимость {e.score} из 100 · свободных мест: {e.mentorFreePlaces} из {e.mentorCapacity}
            </p>
            <ul className="reasons">
              {e.reasons.slice(0, 3).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {check.ok ? (
              <button type="button" className="button button-small button-primary" onClick={() => onAccept({ menteeId, mentorId, formId: e.breakdown.formId })}>
                Принять с этим наставником
              </button>
            ) : check.code === 'no-places' ? (
              <>
                <p className="field-error" role="alert">
                  {check.message}. Чтобы взять ещё одного наставляемого, наставнику нужно ещё одно место: наставляемые одного наставника
                  объединяются в группу.
                </p>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onGrow({ menteeId, mentorId, formId: e.breakdown.formId }, check.capacity)}
                >
                  Добавить место (станет {check.capacity + 1}) и принять
                </button>
              </>
            ) : null}
          </>
        ) : (
          <ul className="field-error" role="alert">
            {e.violations.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        ))}
    </div>
  );
}
