import { ActionForm } from '../../ui/ActionForm';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../domain/dates';
import { answerErrors, PHASE_LABELS, responseInputSchema, type Answer, type Question } from '../../domain/questionnaire';
import { fillProblems, isLivePair, linkedChoice, preselectedPair, quickRespondents, rememberRespondent, respondentPairs, soleRespondent, suggestedPhase } from '../../domain/questionnaireFill';
import { shortName } from '../../domain/person';
import { fieldErrors } from '../../domain/zodErrors';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { loadDraft, saveDraft } from '../../storage/drafts';
import { questionnairesRepo, responsesRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useMe, useMentorships, usePeople } from '../../data/hooks';

/** Respondents chosen on this device, per role (the local drafts table: never in a bundle). */
const recentKey = (role: string) => `questionnaire-respondents:${role}`;
const MARKS = Array.from({ length: 10 }, (_, k) => k + 1);
const questionDomId = (questionId: string) => `fill-q-${questionId}`;

/**
 * The respondent fills the questionnaire on a phone, offline: who, which pair, when, and the answers. What can be
 * only one way is chosen already (the respondent's only live pair; the only person with the role; the phase their
 * earlier answers say), and people chosen on this device before are one tap away.
 */
export function FillPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const show = useToasts((s) => s.show);
  const q = useLiveQuery(() => questionnairesRepo.get(id).then((x) => x ?? null), [id]);
  const people = usePeople();
  const mentorships = useMentorships();
  const responses = useLiveQuery(() => responsesRepo.listWhere('questionnaireId', id), [id]);
  const me = useMe();
  const recent = useLiveQuery(async () => {
    const role = (await questionnairesRepo.get(id))?.role;
    return role ? ((await loadDraft<string[]>(recentKey(role))) ?? []) : [];
  }, [id]);
  const [who, setWho] = useState<string[]>([]);
  const [pair, setPair] = useState('');
  const [phase, setPhase] = useState('');
  const [phaseChosen, setPhaseChosen] = useState(false);
  const [date, setDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [started, setStarted] = useState(false);
  const options = useMemo(() => (q && people ? personOptions(people, q.role) : []), [q, people]);
  const ready = q !== undefined && !!people && !!mentorships && !!responses && me !== undefined && !!recent;

  /** Choosing the respondent chooses what follows from them: their only live pair, and (unless chosen) the phase. */
  const chooseRespondent = (ids: string[]) => {
    const next = ids[0] ?? '';
    setWho(ids);
    setPair(preselectedPair(mentorships ?? [], next));
    if (q?.beforeAfter && !phaseChosen) setPhase(suggestedPhase(responses ?? [], next));
    if (next) setErrors(({ respondentId: _gone, ...rest }) => rest);
  };

  // The only person who can answer is chosen when the form opens (once: removing them stays removed).
  useEffect(() => {
    if (!ready || started || !q) return;
    setStarted(true);
    const linked = linkedChoice(
      { respondent: search.get('respondent'), mentorship: search.get('mentorship'), phase: search.get('phase') },
      { people, mentorships, role: q.role, beforeAfter: q.beforeAfter },
    );
    const first = linked.respondentId ?? soleRespondent(people, q.role);
    if (first) chooseRespondent([first]);
    if (linked.mentorshipId) setPair(linked.mentorshipId);
    if (linked.phase) {
      setPhase(linked.phase);
      setPhaseChosen(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, started]);

  if (!ready) return <Page title="Анкета" backTo="/questionnaires">{null}</Page>;
  if (!q)
    return (
      <Page title="Анкета" backTo="/questionnaires">
        <EmptyState title="Анкета не найдена" />
      </Page>
    );
  const respondent = who[0] ?? '';
  const names = new Map(people.map((p) => [p.id, shortName(p)]));
  const theirPairs = respondentPairs(mentorships, respondent);
  const pairLabel = (m: (typeof mentorships)[number]) => {
    const label = m.title || `${m.mentorIds.map((x) => names.get(x)).join(', ')} → ${m.menteeIds.map((x) => names.get(x)).join(', ')}`;
    return isLivePair(m) ? label : `${label} (${mentorshipStatusLabel[m.status]})`;
  };
  const quick = quickRespondents({ me, recent, people, role: q.role, responses, beforeAfter: q.beforeAfter, chosen: respondent });
  const setAnswer = (questionId: string, a: Answer) => {
    setAnswers({ ...answers, [questionId]: a });
    if (errors[questionId]) setErrors(({ [questionId]: _gone, ...rest }) => rest);
  };

  const save = async () => {
    const r = responseInputSchema.safeParse({ questionnaireId: q.id, respondentId: respondent, mentorshipId: pair, phase: q.beforeAfter ? phase : 'once', answeredOn: date, answers });
    const e = { ...(r.success ? {} : fieldErrors(r.error)), ...answerErrors(q, answers) };
    // Only two phases are offered here: the message names those two.
    if (e.phase && q.beforeAfter) e.phase = 'Выберите: начало года или конец года';
    if (!r.success || Object.keys(e).length) {
      setErrors(e);
      // The first problem is brought into view and focused: on a phone it is usually a screen or two above the button.
      const first = ['respondentId', 'phase', 'answeredOn', ...q.questions.map((x) => x.id)].find((k) => e[k]);
      const el = first && document.getElementById(first === 'respondentId' || first === 'phase' || first === 'answeredOn' ? `fill-${first}` : questionDomId(first));
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
      }
      return;
    }
    await responsesRepo.save(r.data);
    await saveDraft(recentKey(q.role), rememberRespondent(recent, r.data.respondentId));
    show('Ответы сохранены');
    navigate(`/questionnaires/${q.id}`);
  };
  const problems = fillProblems(q, errors);

  return (
    <Page title={q.title} backTo={`/questionnaires/${q.id}`}>
      <ActionForm className="form fill-form" onSubmit={save}>
        <div id="fill-respondentId">
          <PersonPicker label="Кто отвечает" options={options} value={who} onChange={chooseRespondent} max={1} error={errors.respondentId} preferredHeading="Подходящие участники" />
          {quick.length > 0 && (
            <div className="fill-quick" role="group" aria-label="Недавно отвечали на этом устройстве">
              <span className="muted">Недавно:</span>
              {quick.map((p) => (
                <button key={p} type="button" className="button button-small" onClick={() => chooseRespondent([p])}>
                  {names.get(p)}
                </button>
              ))}
            </div>
          )}
        </div>
        {respondent &&
          (theirPairs.length ? (
            <SelectField label="Пара или группа" value={pair} onChange={(e) => setPair(e.target.value)} placeholder="— не указана —" options={theirPairs.map((m) => ({ value: m.id, label: pairLabel(m) }))} />
          ) : (
            <p className="muted fill-no-pair">Пары или группы нет — ответ сохранится без неё.</p>
          ))}
        {q.beforeAfter && (
          <fieldset id="fill-phase" className={`field${errors.phase ? ' field-invalid' : ''}`}>
            <legend>Когда заполняется</legend>
            <div className="segmented">
              {(['start', 'end'] as const).map((p) => (
                <label key={p} className="segment">
                  <input
                    type="radio"
                    name="fill-phase"
                    value={p}
                    checked={phase === p}
                    onChange={() => {
                      setPhase(p);
                      setPhaseChosen(true);
                      setErrors(({ phase: _gone, ...rest }) => rest);
                    }}
                  />
                  <span>{PHASE_LABELS[p]}</span>
                </label>
              ))}
            </div>
            {errors.phase && <p className="field-error">{errors.phase}</p>}
          </fieldset>
        )}
        <div id="fill-answeredOn">
          <TextField label="Дата" type="date" value={date} error={errors.answeredOn} onChange={(e) => setDate(e.target.value)} />
        </div>
        {q.questions.map((question, i) => (
          <QuestionField key={question.id} question={question} n={i + 1} answer={answers[question.id]} error={errors[question.id]} onAnswer={(a) => setAnswer(question.id, a)} />
        ))}
        <div className="form-actions fill-actions">
          {problems && (
            <p className="form-error fill-problems" role="alert">
              {problems}
            </p>
          )}
          <button type="submit" className="button button-primary">
            Сохранить ответы
          </button>
        </div>
      </ActionForm>
    </Page>
  );
}

function QuestionField({ question, n, answer, error, onAnswer }: { question: Question; n: number; answer: Answer | undefined; error?: string; onAnswer: (a: Answer) => void }) {
  const domId = questionDomId(question.id);
  const errorId = error ? `${domId}-error` : undefined;
  const endsId = question.kind === 'scale' && (question.low || question.high) ? `${domId}-ends` : undefined;
  return (
    <fieldset id={domId} className={`field question${error ? ' field-invalid' : ''}`} aria-describedby={errorId}>
      <legend>
        {n}. {question.text}
      </legend>
      {question.kind === 'scale' && (
        <>
          <div className="scale-row" role="radiogroup" aria-label={question.text} aria-describedby={[endsId, errorId].filter(Boolean).join(' ') || undefined}>
            {MARKS.map((v) => (
              <label key={v} className="scale-seg">
                <input type="radio" name={domId} value={v} aria-label={`${v} из 10`} checked={answer === v} onChange={() => onAnswer(v)} />
                <span aria-hidden="true">{v}</span>
              </label>
            ))}
          </div>
          {endsId && (
            <p className="scale-ends" id={endsId}>
              <span>{question.low ? `1 — ${question.low}` : ''}</span>
              <span>{question.high ? `10 — ${question.high}` : ''}</span>
            </p>
          )}
        </>
      )}
      {question.kind === 'one' &&
        question.options.map((o) => (
          <label key={o} className="checkbox">
            <input type="radio" name={domId} checked={answer === o} onChange={() => onAnswer(o)} /> {o}
          </label>
        ))}
      {question.kind === 'many' &&
        question.options.map((o) => {
          const cur = (answer as string[] | undefined) ?? [];
          return (
            <label key={o} className="checkbox">
              <input type="checkbox" checked={cur.includes(o)} onChange={(e) => onAnswer(e.target.checked ? [...cur, o] : cur.filter((x) => x !== o))} /> {o}
            </label>
          );
        })}
      {question.kind === 'text' && <input aria-label={question.text} maxLength={500} value={(answer as string | undefined) ?? ''} onChange={(e) => onAnswer(e.target.value)} />}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
