import { useMemo, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { todayIso } from '../../domain/dates';
import { answerErrors, PHASE_LABELS, type Answer, type Question, type Questionnaire, type ResponseFields } from '../../domain/questionnaire';
import { responseInputSchema } from '../../domain/questionnaire.schema';
import { fillProblems, isLivePair, linkedChoice, preselectedPair, quickRespondents, rememberRespondent, respondentPairs, soleRespondent, suggestedPhase } from '../../domain/questionnaireFill';
import { shortName } from '../../domain/person';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { saveDraft } from '../../storage/drafts';
import { responsesRepo } from '../../storage/yearWork';
import { DraftNotice } from '../../ui/DraftNotice';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { errorMessages, FormErrorSummary } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../../ui/personOptions';
import { useMe, useMentorships, usePeople } from '../../data/hooks';
import { recentRespondentsKey, useQuestionnaire, useRecentRespondents, useResponsesTo } from '../../data/questionnaires';

const MARKS = Array.from({ length: 10 }, (_, k) => k + 1);
const questionDomId = (questionId: string) => `fill-q-${questionId}`;

interface FillForm {
  /** The picker's choice: one person at most. */
  who: string[];
  mentorshipId: string;
  phase: string;
  /** The phase was chosen by hand (or by the link): choosing the respondent no longer changes it. */
  phaseChosen: boolean;
  answeredOn: string;
  /** By question id; one value of the form (not a field per question). */
  answers: Record<string, Answer>;
}

/** The domain's paths in the form: the respondent is the picker's, a question's message is its answer's. */
function fieldOfFor(q: Questionnaire) {
  const questionIds = new Set(q.questions.map((x) => x.id));
  return (path: string) => {
    if (path === 'respondentId') return 'who';
    if (questionIds.has(path)) return `answers.${path}`;
    const [head, id] = path.split('.');
    return head === 'answers' && id ? `answers.${id}` : head!;
  };
}

/** The form's errors as the domain's flat messages again (`respondentId`, `phase`, a question's id), for fillProblems. */
function flatErrors(errors: Parameters<typeof errorMessages>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of errorMessages(errors)) {
    const key = path === 'who' ? 'respondentId' : path.startsWith('answers.') ? path.slice('answers.'.length) : path;
    out[key] ??= message;
  }
  return out;
}

/**
 * The respondent fills the questionnaire on a phone, offline: who, which pair, when, and the answers. What can be
 * only one way is chosen already (the respondent's only live pair; the only person with the role; the phase their
 * earlier answers say), and people chosen on this device before are one tap away. What was entered is kept as a
 * draft of this questionnaire on this device until saved: a closed tab or a call on the phone loses nothing.
 */
export function FillPage() {
  const { id } = useParams() as { id: string };
  const q = useQuestionnaire(id);
  const people = usePeople();
  const mentorships = useMentorships();
  const responses = useResponsesTo(id);
  const me = useMe();
  const recent = useRecentRespondents(id);
  const ready = q !== undefined && !!people && !!mentorships && !!responses && me !== undefined && !!recent;
  if (!ready) return <Page title="Анкета" backTo="/questionnaires">{null}</Page>;
  if (!q)
    return (
      <Page title="Анкета" backTo="/questionnaires">
        <EmptyState title="Анкета не найдена" />
      </Page>
    );
  // Mounted once everything is read, with what is chosen already, so that a restored draft wins over it.
  return <FillBody key={q.id} q={q} data={{ people, mentorships, responses, me, recent }} />;
}

interface FillData {
  people: NonNullable<ReturnType<typeof usePeople>>;
  mentorships: NonNullable<ReturnType<typeof useMentorships>>;
  responses: ResponseFields[];
  me: Exclude<ReturnType<typeof useMe>, undefined>;
  recent: string[];
}

function FillBody({ q, data }: { q: Questionnaire; data: FillData }) {
  const { people, mentorships, responses, me, recent } = data;
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const show = useToasts((s) => s.show);
  const options = useMemo(() => personOptions(people, q.role), [q, people]);

  // The only person who can answer, or the one the link names, is chosen when the form opens (once: removing
  // them stays removed); with them, their only live pair and the phase their answers say.
  const [initial] = useState((): FillForm => {
    const linked = linkedChoice(
      { respondent: search.get('respondent'), mentorship: search.get('mentorship'), phase: search.get('phase') },
      { people, mentorships, role: q.role, beforeAfter: q.beforeAfter },
    );
    const first = linked.respondentId ?? soleRespondent(people, q.role) ?? '';
    return {
      who: first ? [first] : [],
      mentorshipId: linked.mentorshipId ?? preselectedPair(mentorships, first),
      phase: linked.phase ?? (q.beforeAfter && first ? suggestedPhase(responses, first) : ''),
      phaseChosen: !!linked.phase,
      answeredOn: todayIso(),
      answers: {},
    };
  });
  const [fieldOf] = useState(() => fieldOfFor(q));
  const [resolver] = useState(() =>
    domainResolver<FillForm, typeof responseInputSchema>(
      responseInputSchema,
      (v) => ({ questionnaireId: q.id, respondentId: v.who[0] ?? '', mentorshipId: v.mentorshipId, phase: q.beforeAfter ? v.phase : 'once', answeredOn: v.answeredOn, answers: v.answers }),
      {
        fieldOf,
        check: (v) => ({
          ...answerErrors(q, v.answers),
          // Only two phases are offered here: the message names those two.
          ...(q.beforeAfter && v.phase !== 'start' && v.phase !== 'end' ? { phase: 'Выберите: начало года или конец года' } : {}),
        }),
      },
    ),
  );
  // The first problem is focused by the form itself, in the page's order (below).
  const form = useForm<FillForm, unknown, ResponseFields>({ defaultValues: initial, resolver, shouldFocusError: false });
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    clearErrors,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft(`response:${q.id}`, form);
  const who = watch('who');
  const phase = watch('phase');
  const phaseChosen = watch('phaseChosen');
  const answers = watch('answers');

  /** Choosing the respondent chooses what follows from them: their only live pair, and (unless chosen) the phase. */
  const chooseRespondent = (ids: string[]) => {
    const next = ids[0] ?? '';
    setValue('who', ids, { shouldDirty: true });
    setValue('mentorshipId', preselectedPair(mentorships, next), { shouldDirty: true });
    if (q.beforeAfter && !phaseChosen) setValue('phase', suggestedPhase(responses, next), { shouldDirty: true });
    if (next) clearErrors('who');
  };

  const respondent = who[0] ?? '';
  const names = new Map(people.map((p) => [p.id, shortName(p)]));
  const theirPairs = respondentPairs(mentorships, respondent);
  const pairLabel = (m: (typeof mentorships)[number]) => {
    const label = m.title || `${m.mentorIds.map((x) => names.get(x)).join(', ')} → ${m.menteeIds.map((x) => names.get(x)).join(', ')}`;
    return isLivePair(m) ? label : `${label} (${mentorshipStatusLabel[m.status]})`;
  };
  const quick = quickRespondents({ me, recent, people, role: q.role, responses, beforeAfter: q.beforeAfter, chosen: respondent });
  const setAnswer = (questionId: string, a: Answer) => {
    setValue('answers', { ...answers, [questionId]: a }, { shouldDirty: true });
    clearErrors(`answers.${questionId}`);
  };

  const save = handleSubmit(
    async (fields) => {
      if ((await writeOrShowRefusal(setError, () => responsesRepo.save(fields), fieldOf)) === REFUSED) return;
      await draft.clear();
      await saveDraft(recentRespondentsKey(q.role), rememberRespondent(recent, fields.respondentId));
      show('Ответы сохранены');
      navigate(`/questionnaires/${q.id}`);
    },
    (invalid) => {
      // The first problem is brought into view and focused: on a phone it is usually a screen or two above the button.
      const e = flatErrors(invalid);
      const first = ['respondentId', 'phase', 'answeredOn', ...q.questions.map((x) => x.id)].find((k) => e[k]);
      const el = first && document.getElementById(first === 'respondentId' || first === 'phase' || first === 'answeredOn' ? `fill-${first}` : questionDomId(first));
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
      }
    },
  );
  const flat = flatErrors(errors);
  const problems = fillProblems(q, flat);
  const answerError = (questionId: string) => (errors.answers as Record<string, FieldError | undefined> | undefined)?.[questionId]?.message;

  return (
    <Page title={q.title} backTo={`/questionnaires/${q.id}`}>
      <DraftNotice
        restored={draft.restored}
        message="Восстановлены несохранённые ответы этой анкеты."
        onDiscard={async () => {
          await draft.discard();
          reset(initial);
        }}
      />
      <form className="form fill-form" noValidate onSubmit={save}>
        <div id="fill-respondentId">
          <PersonPicker label="Кто отвечает" name="who" options={options} value={who} onChange={chooseRespondent} max={1} error={errors.who?.message} preferredHeading="Подходящие участники" />
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
            <SelectField label="Пара или группа" placeholder="— не указана —" {...register('mentorshipId')} options={theirPairs.map((m) => ({ value: m.id, label: pairLabel(m) }))} />
          ) : (
            <p className="muted fill-no-pair">Пары или группы нет — ответ сохранится без неё.</p>
          ))}
        {q.beforeAfter && (
          <fieldset id="fill-phase" data-field="phase" className={`field${errors.phase ? ' field-invalid' : ''}`}>
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
                      setValue('phase', p, { shouldDirty: true });
                      setValue('phaseChosen', true, { shouldDirty: true });
                      clearErrors('phase');
                    }}
                  />
                  <span>{PHASE_LABELS[p]}</span>
                </label>
              ))}
            </div>
            {errors.phase && <p className="field-error">{errors.phase.message}</p>}
          </fieldset>
        )}
        <div id="fill-answeredOn">
          <TextField label="Дата" type="date" error={errors.answeredOn?.message} {...register('answeredOn')} />
        </div>
        {q.questions.map((question, i) => (
          <QuestionField key={question.id} question={question} n={i + 1} answer={answers[question.id]} error={answerError(question.id)} onAnswer={(a) => setAnswer(question.id, a)} />
        ))}
        <div className="form-actions fill-actions">
          {problems && <FormErrorSummary className="fill-problems" errors={errors} title={problems} list={false} />}
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            Сохранить ответы
          </button>
        </div>
      </form>
    </Page>
  );
}

function QuestionField({ question, n, answer, error, onAnswer }: { question: Question; n: number; answer: Answer | undefined; error?: string; onAnswer: (a: Answer) => void }) {
  const domId = questionDomId(question.id);
  const errorId = error ? `${domId}-error` : undefined;
  const endsId = question.kind === 'scale' && (question.low || question.high) ? `${domId}-ends` : undefined;
  return (
    <fieldset id={domId} data-field={`answers.${question.id}`} className={`field question${error ? ' field-invalid' : ''}`} aria-describedby={errorId}>
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
