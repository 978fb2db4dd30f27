import { plural } from '../../domain/text';
import { TableScroll } from '../../ui/TableScroll';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { beforeAfter, PHASE_LABELS, RESPONDENT_ROLE_LABELS, summarize, type Question, type QuestionSummary } from '../../domain/questionnaire';
import { pairLabel } from '../../domain/mentorshipList';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField } from '../../ui/fields';
import { Bars } from '../../ui/Bars';
import { useMentoringForms } from '../../data/useMentoringForms';
import { useMentorships, usePeople } from '../../data/hooks';
import { useQuestionnaire, useResponsesTo } from '../../data/questionnaires';

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString('ru-RU', { maximumFractionDigits: 1 }));

/** A questionnaire's results: per question, for the school or one pair, and the change from the start to the end. */
export function QuestionnairePage() {
  const { id } = useParams() as { id: string };
  const q = useQuestionnaire(id);
  const responses = useResponsesTo(id);
  const mentorships = useMentorships();
  const peopleList = usePeople();
  const people = useMemo(() => peopleList && new Map(peopleList.map((p) => [p.id, p])), [peopleList]);
  const forms = useMentoringForms();
  const [pair, setPair] = useState('');
  const [form, setForm] = useState('');
  const [phase, setPhase] = useState('');
  const shown = useMemo(() => {
    const formOf = new Map((mentorships ?? []).map((m) => [m.id, m.formId]));
    return (responses ?? []).filter((r) => (!pair || r.mentorshipId === pair) && (!form || formOf.get(r.mentorshipId) === form) && (!phase || r.phase === phase));
  }, [responses, mentorships, pair, form, phase]);
  if (q === undefined || !responses || !mentorships) return <Page title="Анкета" backTo="/questionnaires">{null}</Page>;
  if (!q)
    return (
      <Page title="Анкета" backTo="/questionnaires">
        <EmptyState title="Анкета не найдена" />
      </Page>
    );
  const summary = summarize(q, shown);
  const change = q.beforeAfter ? beforeAfter(q, responses.filter((r) => !pair || r.mentorshipId === pair)) : [];
  const pairs = mentorships.filter((m) => responses.some((r) => r.mentorshipId === m.id));

  return (
    <Page title={q.title} backTo="/questionnaires">
      <p className="muted">
        Отвечает {RESPONDENT_ROLE_LABELS[q.role]} · ответов: {responses.length}
      </p>
      <div className="button-row">
        <Link className="button button-primary" to={`/questionnaires/${q.id}/fill`}>
          Заполнить
        </Link>
        <Link className="button" to={`/questionnaires/${q.id}/edit`}>
          Изменить
        </Link>
      </div>
      {change.length > 0 && (
        <section className="card-section" aria-labelledby="change-h">
          <h2 id="change-h">Изменение за год</h2>
          <p className="muted">Средние оценки тех, кто ответил и в начале, и в конце года.</p>
          <TableScroll label="Изменение за год, таблица">
            <table className="preview" aria-label="Изменение за год">
              <thead>
                <tr>
                  <th scope="col">Вопрос</th>
                  <th scope="col">В начале</th>
                  <th scope="col">В конце</th>
                  <th scope="col">Разница</th>
                </tr>
              </thead>
              <tbody>
                {change.map((c) => (
                  <tr key={c.questionId} data-question={c.questionId}>
                    <th scope="row">
                      {c.text} <span className="muted">({plural(c.n, { one: 'ответ', few: 'ответа', many: 'ответов' })})</span>
                    </th>
                    <td>{fmt(c.before)}</td>
                    <td>{fmt(c.after)}</td>
                    <td data-testid={`delta-${c.questionId}`}>{c.delta === null ? '—' : `${c.delta > 0 ? '+' : ''}${fmt(c.delta)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <section aria-labelledby="res-h">
        <h2 id="res-h">Ответы по вопросам</h2>
        <SelectField label="Пара или группа" value={pair} onChange={(e) => setPair(e.target.value)} placeholder="вся школа" options={pairs.map((m) => ({ value: m.id, label: pairLabel(m, people ?? new Map()) }))} />
        <SelectField label="Форма наставничества" value={form} onChange={(e) => setForm(e.target.value)} placeholder="все формы" options={(forms ?? []).map((f) => ({ value: f.id, label: f.name }))} />
        <SelectField label="Когда" value={phase} onChange={(e) => setPhase(e.target.value)} placeholder="все ответы" options={Object.entries(PHASE_LABELS).map(([value, label]) => ({ value, label }))} />
        {shown.length === 0 ? <p className="muted">Ответов пока нет.</p> : summary.map((s, i) => <QuestionResult key={s.questionId} s={s} n={i + 1} question={q.questions[i]} />)}
      </section>
    </Page>
  );
}

function QuestionResult({ s, n, question }: { s: QuestionSummary; n: number; question?: Question }) {
  return (
    <div className="card-section question-result" aria-label={`Вопрос ${n}`}>
      <h3>
        {n}. {s.text}
      </h3>
      {s.kind === 'scale' && s.distribution && (
        <>
          <p>
            Средняя оценка: <strong>{fmt(s.mean)}</strong> из 10 · ответов: {s.n}
          </p>
          <Bars values={s.distribution} labels={s.distribution.map((_, i) => String(i + 1))} />
          {(question?.low || question?.high) && (
            <p className="scale-ends">
              <span>{question.low ? `1 — ${question.low}` : ''}</span>
              <span>{question.high ? `10 — ${question.high}` : ''}</span>
            </p>
          )}
        </>
      )}
      {s.counts && (
        <ul className="counts">
          {Object.entries(s.counts).map(([o, c]) => (
            <li key={o}>
              {o}: {c}
            </li>
          ))}
        </ul>
      )}
      {s.texts && (s.texts.length ? <ul className="texts">{s.texts.slice(0, 20).map((t, i) => <li key={i}>{t}</li>)}</ul> : <p className="muted">Ответов нет.</p>)}
    </div>
  );
}
