import { ActionForm } from '../../ui/ActionForm';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '../../domain/dates';
import { answerErrors, PHASE_LABELS, responseInputSchema, type Answer } from '../../domain/questionnaire';
import { shortName } from '../../domain/person';
import { fieldErrors } from '../../domain/zodErrors';
import { mentorshipsRepo, peopleRepo } from '../../storage/repositories';
import { questionnairesRepo, responsesRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { PersonPicker } from '../../ui/PersonPicker';
import { SelectField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { personOptions } from '../mentorships/personOptions';

/** The respondent fills the questionnaire on a phone, offline: who, which pair, when, and the answers. */
export function FillPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const q = useLiveQuery(() => questionnairesRepo.get(id).then((x) => x ?? null), [id]);
  const people = useLiveQuery(() => peopleRepo.list(), []);
  const mentorships = useLiveQuery(() => mentorshipsRepo.list(), []);
  const [who, setWho] = useState<string[]>([]);
  const [pair, setPair] = useState('');
  const [phase, setPhase] = useState('');
  const [date, setDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = useMemo(() => (q && people ? personOptions(people, q.role) : []), [q, people]);
  if (q === undefined || !people || !mentorships) return <Page title="Анкета" backTo="/questionnaires">{null}</Page>;
  if (!q)
    return (
      <Page title="Анкета" backTo="/questionnaires">
        <EmptyState title="Анкета не найдена" />
      </Page>
    );
  const respondent = who[0] ?? '';
  const theirPairs = mentorships.filter((m) => m.mentorIds.includes(respondent) || m.menteeIds.includes(respondent));
  const names = new Map(people.map((p) => [p.id, shortName(p)]));
  const pairLabel = (m: (typeof mentorships)[number]) => m.title || `${m.mentorIds.map((x) => names.get(x)).join(', ')} → ${m.menteeIds.map((x) => names.get(x)).join(', ')}`;
  const phases = q.beforeAfter ? (['start', 'end'] as const) : (['once'] as const);

  const save = async () => {
    const r = responseInputSchema.safeParse({ questionnaireId: q.id, respondentId: respondent, mentorshipId: pair, phase: q.beforeAfter ? phase : 'once', answeredOn: date, answers });
    const e = { ...(r.success ? {} : fieldErrors(r.error)), ...answerErrors(q, answers) };
    if (!r.success || Object.keys(e).length) {
      setErrors(e);
      return;
    }
    await responsesRepo.save(r.data);
    show('Ответы сохранены');
    navigate(`/questionnaires/${q.id}`);
  };

  return (
    <Page title={q.title} backTo={`/questionnaires/${q.id}`}>
      <ActionForm className="form" onSubmit={save}>
        <PersonPicker label="Кто отвечает" options={options} value={who} onChange={setWho} max={1} error={errors.respondentId} preferredHeading="Подходящие участники" />
        <SelectField label="Пара или группа" value={pair} onChange={(e) => setPair(e.target.value)} placeholder="— не указана —" options={theirPairs.map((m) => ({ value: m.id, label: pairLabel(m) }))} />
        {q.beforeAfter && (
          <SelectField
            label="Когда заполняется"
            value={phase}
            error={errors.phase}
            onChange={(e) => setPhase(e.target.value)}
            placeholder="— выберите —"
            options={phases.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
          />
        )}
        <TextField label="Дата" type="date" value={date} error={errors.answeredOn} onChange={(e) => setDate(e.target.value)} />
        {q.questions.map((question, i) => (
          <fieldset key={question.id} className={`field question${errors[question.id] ? ' field-invalid' : ''}`}>
            <legend>
              {i + 1}. {question.text}
            </legend>
            {question.kind === 'scale' && (
              <div className="scale" role="radiogroup" aria-label={question.text}>
                {Array.from({ length: 10 }, (_, k) => k + 1).map((v) => (
                  <label key={v} className="scale-item">
                    <input type="radio" name={question.id} checked={answers[question.id] === v} onChange={() => setAnswers({ ...answers, [question.id]: v })} />
                    <span>{v}</span>
                  </label>
                ))}
              </div>
            )}
            {question.kind === 'one' &&
              question.options.map((o) => (
                <label key={o} className="checkbox">
                  <input type="radio" name={question.id} checked={answers[question.id] === o} onChange={() => setAnswers({ ...answers, [question.id]: o })} /> {o}
                </label>
              ))}
            {question.kind === 'many' &&
              question.options.map((o) => {
                const cur = (answers[question.id] as string[] | undefined) ?? [];
                return (
                  <label key={o} className="checkbox">
                    <input
                      type="checkbox"
                      checked={cur.includes(o)}
                      onChange={(e) => setAnswers({ ...answers, [question.id]: e.target.checked ? [...cur, o] : cur.filter((x) => x !== o) })}
                    />{' '}
                    {o}
                  </label>
                );
              })}
            {question.kind === 'text' && (
              <input
                aria-label={question.text}
                maxLength={500}
                value={(answers[question.id] as string | undefined) ?? ''}
                onChange={(e) => setAnswers({ ...answers, [question.id]: e.target.value })}
              />
            )}
            {errors[question.id] && (
              <p className="field-error" role="alert">
                {errors[question.id]}
              </p>
            )}
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Сохранить ответы
          </button>
        </div>
      </ActionForm>
    </Page>
  );
}
