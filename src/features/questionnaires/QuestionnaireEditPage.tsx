import { ActionForm } from '../../ui/ActionForm';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  questionnaireInputSchema,
  QUESTION_KINDS,
  QUESTION_KIND_LABELS,
  RESPONDENT_ROLES,
  RESPONDENT_ROLE_LABELS,
  type QuestionKind,
} from '../../domain/questionnaire';
import { fieldErrors } from '../../domain/zodErrors';
import { questionnairesRepo } from '../../storage/yearWork';
import { Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';

interface DraftQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string;
  /** A scale's end labels (what 1 and 10 mean); empty: none. */
  low: string;
  high: string;
  /** The end labels' fields are open (they are folded away until wanted). */
  showEnds: boolean;
}

let seq = 0;
const newQuestion = (): DraftQuestion => ({ id: `q${Date.now().toString(36)}${(seq++).toString(36)}`, kind: 'scale', text: '', options: '', low: '', high: '', showEnds: false });

/** The builder: title, who answers, before/after, and the questions with their kinds and options. */
export function QuestionnaireEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const existing = useLiveQuery(() => (id ? questionnairesRepo.get(id).then((q) => q ?? null) : null), [id]);
  const [f, setF] = useState({ title: '', role: 'mentee', beforeAfter: false, description: '' });
  const [questions, setQuestions] = useState<DraftQuestion[]>([newQuestion()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (existing && !loaded) {
      setF({ title: existing.title, role: existing.role, beforeAfter: existing.beforeAfter, description: existing.description });
      setQuestions(existing.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options.join('\n'), low: q.low ?? '', high: q.high ?? '', showEnds: !!(q.low || q.high) })));
      setLoaded(true);
    }
  }, [existing, loaded]);

  const setQ = (i: number, patch: Partial<DraftQuestion>) => setQuestions(questions.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const move = (i: number, d: -1 | 1) => {
    const list = [...questions];
    [list[i], list[i + d]] = [list[i + d]!, list[i]!];
    setQuestions(list);
  };
  const save = async () => {
    const r = questionnaireInputSchema.safeParse({
      ...f,
      formIds: existing?.formIds ?? [],
      questions: questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        options: q.kind === 'one' || q.kind === 'many' ? q.options.split('\n').map((o) => o.trim()).filter(Boolean) : [],
        ...(q.kind === 'scale' && q.low.trim() ? { low: q.low } : {}),
        ...(q.kind === 'scale' && q.high.trim() ? { high: q.high } : {}),
      })),
    });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const saved = await questionnairesRepo.save(r.data, id);
    show('Анкета сохранена');
    navigate(`/questionnaires/${saved.id}`, { replace: true });
  };

  return (
    <Page title={id ? 'Изменить анкету' : 'Новая анкета'} backTo={id ? `/questionnaires/${id}` : '/questionnaires'}>
      <ActionForm className="form" onSubmit={save}>
        <TextField label="Название анкеты" value={f.title} error={errors.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
        <SelectField
          label="Кто отвечает"
          value={f.role}
          error={errors.role}
          onChange={(e) => setF({ ...f, role: e.target.value })}
          options={RESPONDENT_ROLES.map((r) => ({ value: r, label: RESPONDENT_ROLE_LABELS[r] }))}
        />
        <label className="checkbox">
          <input type="checkbox" checked={f.beforeAfter} onChange={(e) => setF({ ...f, beforeAfter: e.target.checked })} /> Заполняется в начале и в конце года (покажет
          изменения)
        </label>
        <TextAreaField label="Описание" value={f.description} error={errors.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
        <h2>Вопросы</h2>
        {errors.questions && (
          <p className="field-error" role="alert">
            {errors.questions}
          </p>
        )}
        <ol className="builder-questions">
          {questions.map((q, i) => (
            <li key={q.id} className="card-section" aria-label={`Вопрос ${i + 1}`}>
              <TextField label={`Текст вопроса ${i + 1}`} value={q.text} error={errors[`questions.${i}.text`] ?? errors[`questions.${i}.id`]} onChange={(e) => setQ(i, { text: e.target.value })} />
              <SelectField
                label={`Вид вопроса ${i + 1}`}
                value={q.kind}
                onChange={(e) => setQ(i, { kind: e.target.value as QuestionKind })}
                options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))}
              />
              {q.kind === 'scale' && (
                <details className="builder-scale-ends" open={q.showEnds} onToggle={(e) => e.currentTarget.open !== q.showEnds && setQ(i, { showEnds: e.currentTarget.open })}>
                  <summary>Подписи к 1 и 10 (необязательно)</summary>
                  <div className="field-pair">
                    <TextField
                      label="Подпись к 1"
                      aria-label={`Подпись к 1, вопрос ${i + 1}`}
                      maxLength={60}
                      value={q.low}
                      error={errors[`questions.${i}.low`]}
                      onChange={(e) => setQ(i, { low: e.target.value })}
                    />
                    <TextField
                      label="Подпись к 10"
                      aria-label={`Подпись к 10, вопрос ${i + 1}`}
                      maxLength={60}
                      value={q.high}
                      error={errors[`questions.${i}.high`]}
                      onChange={(e) => setQ(i, { high: e.target.value })}
                    />
                  </div>
                  <p className="field-hint">Что значат крайние оценки, например «совсем нет» и «полностью»; видны под шкалой.</p>
                </details>
              )}
              {(q.kind === 'one' || q.kind === 'many') && (
                <TextAreaField
                  label={`Варианты ответа на вопрос ${i + 1}`}
                  hint="Каждый вариант с новой строки"
                  value={q.options}
                  error={errors[`questions.${i}.options`]}
                  onChange={(e) => setQ(i, { options: e.target.value })}
                />
              )}
              <div className="inline-actions">
                <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Вопрос ${i + 1} выше`}>
                  ↑
                </button>
                <button type="button" className="button button-small" disabled={i === questions.length - 1} onClick={() => move(i, 1)} aria-label={`Вопрос ${i + 1} ниже`}>
                  ↓
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => setQuestions(questions.filter((_, k) => k !== i))}>
                  Удалить вопрос {i + 1}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="button button-block" onClick={() => setQuestions([...questions, newQuestion()])}>
          Добавить вопрос
        </button>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Сохранить анкету
          </button>
        </div>
      </ActionForm>
    </Page>
  );
}
