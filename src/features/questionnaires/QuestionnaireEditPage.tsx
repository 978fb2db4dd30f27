import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { QUESTION_KINDS, QUESTION_KIND_LABELS, RESPONDENT_ROLES, RESPONDENT_ROLE_LABELS, type Questionnaire, type QuestionnaireFields, type QuestionKind } from '../../domain/questionnaire';
import { questionnaireInputSchema } from '../../domain/questionnaire.schema';
import { questionnairesRepo } from '../../storage/yearWork';
import { useQuestionnaire } from '../../data/questionnaires';
import { DraftNotice } from '../../ui/DraftNotice';
import { Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';
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

interface BuilderForm {
  title: string;
  role: string;
  beforeAfter: boolean;
  description: string;
  questions: DraftQuestion[];
}

let seq = 0;
const newQuestion = (): DraftQuestion => ({ id: `q${Date.now().toString(36)}${(seq++).toString(36)}`, kind: 'scale', text: '', options: '', low: '', high: '', showEnds: false });

function toForm(existing: Questionnaire | null): BuilderForm {
  if (!existing) return { title: '', role: 'mentee', beforeAfter: false, description: '', questions: [newQuestion()] };
  return {
    title: existing.title,
    role: existing.role,
    beforeAfter: existing.beforeAfter,
    description: existing.description,
    questions: existing.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options.join('\n'), low: q.low ?? '', high: q.high ?? '', showEnds: !!(q.low || q.high) })),
  };
}

/**
 * A question's message goes under its field: `questions.2.options` under the options, `questions.2.id` (two
 * questions with one id) under the text; «Добавьте хотя бы один вопрос» above the list.
 */
function fieldOf(path: string): string {
  const [head, i, field] = path.split('.');
  if (head !== 'questions') return head!;
  if (i === undefined) return 'root.questions';
  return `questions.${i}.${!field || field === 'id' ? 'text' : field}`;
}

/** The builder: title, who answers, before/after, and the questions with their kinds and options. */
export function QuestionnaireEditPage() {
  const { id } = useParams();
  const existing = useQuestionnaire(id);
  const title = id ? 'Изменить анкету' : 'Новая анкета';
  const backTo = id ? `/questionnaires/${id}` : '/questionnaires';
  if (existing === undefined) return <Page title={title} backTo={backTo}>{null}</Page>;
  // Mounted once the questionnaire is read, with its values, so that a restored draft wins over them.
  return <QuestionnaireBuilder key={id ?? 'new'} id={id} existing={existing} title={title} backTo={backTo} />;
}

function QuestionnaireBuilder({ id, existing, title, backTo }: { id: string | undefined; existing: Questionnaire | null; title: string; backTo: string }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const [initial] = useState(() => toForm(existing));
  const [resolver] = useState(() =>
    domainResolver<BuilderForm, typeof questionnaireInputSchema>(
      questionnaireInputSchema,
      (f) => ({
        title: f.title,
        role: f.role,
        beforeAfter: f.beforeAfter,
        description: f.description,
        formIds: existing?.formIds ?? [],
        questions: f.questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          text: q.text,
          options:
            q.kind === 'one' || q.kind === 'many'
              ? q.options
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean)
              : [],
          ...(q.kind === 'scale' && q.low.trim() ? { low: q.low } : {}),
          ...(q.kind === 'scale' && q.high.trim() ? { high: q.high } : {}),
        })),
      }),
      { fieldOf },
    ),
  );
  const form = useForm<BuilderForm, unknown, QuestionnaireFields>({ defaultValues: initial, resolver });
  const {
    register,
    control,
    handleSubmit,
    reset,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  // The questions' own `id` is theirs: the field array keeps its keys apart.
  const { fields, append, remove, swap } = useFieldArray({ control, name: 'questions', keyName: 'key' });
  const questions = watch('questions');
  const draft = useFormDraft(`questionnaire:${id ?? 'new'}`, form);

  const save = handleSubmit(async (fields) => {
    const saved = await writeOrShowRefusal(setError, () => questionnairesRepo.save(fields, id), fieldOf);
    if (saved === REFUSED) return;
    await draft.clear();
    show('Анкета сохранена');
    navigate(`/questionnaires/${saved.id}`, { replace: true });
  });

  return (
    <Page title={title} backTo={backTo}>
      <DraftNotice
        restored={draft.restored}
        message="Восстановлен несохранённый черновик этой анкеты."
        onDiscard={async () => {
          await draft.discard();
          reset(initial);
        }}
      />
      <form className="form" noValidate onSubmit={save}>
        <TextField label="Название анкеты" error={errors.title?.message} {...register('title')} />
        <SelectField
          label="Кто отвечает"
          error={errors.role?.message}
          {...register('role')}
          options={RESPONDENT_ROLES.map((r) => ({ value: r, label: RESPONDENT_ROLE_LABELS[r] }))}
        />
        <label className="checkbox">
          <input type="checkbox" {...register('beforeAfter')} /> Заполняется в начале и в конце года (покажет изменения)
        </label>
        <TextAreaField label="Описание" error={errors.description?.message} {...register('description')} />
        <h2>Вопросы</h2>
        {errors.root?.questions && (
          <p className="field-error" role="alert">
            {errors.root.questions.message}
          </p>
        )}
        <ol className="builder-questions">
          {fields.map((field, i) => {
            const q = questions[i] ?? field;
            const e = errors.questions?.[i];
            return (
              <li key={field.key} className="card-section" aria-label={`Вопрос ${i + 1}`}>
                <TextField label={`Текст вопроса ${i + 1}`} error={e?.text?.message} {...register(`questions.${i}.text`)} />
                <SelectField
                  label={`Вид вопроса ${i + 1}`}
                  error={e?.kind?.message}
                  {...register(`questions.${i}.kind`)}
                  options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))}
                />
                {q.kind === 'scale' && (
                  <details
                    className="builder-scale-ends"
                    open={q.showEnds}
                    onToggle={(ev) => ev.currentTarget.open !== q.showEnds && setValue(`questions.${i}.showEnds`, ev.currentTarget.open, { shouldDirty: true })}
                  >
                    <summary>Подписи к 1 и 10 (необязательно)</summary>
                    <div className="field-pair">
                      <TextField label="Подпись к 1" aria-label={`Подпись к 1, вопрос ${i + 1}`} maxLength={60} error={e?.low?.message} {...register(`questions.${i}.low`)} />
                      <TextField label="Подпись к 10" aria-label={`Подпись к 10, вопрос ${i + 1}`} maxLength={60} error={e?.high?.message} {...register(`questions.${i}.high`)} />
                    </div>
                    <p className="field-hint">Что значат крайние оценки, например «совсем нет» и «полностью»; видны под шкалой.</p>
                  </details>
                )}
                {(q.kind === 'one' || q.kind === 'many') && (
                  <TextAreaField label={`Варианты ответа на вопрос ${i + 1}`} hint="Каждый вариант с новой строки" error={e?.options?.message} {...register(`questions.${i}.options`)} />
                )}
                <div className="inline-actions">
                  <button type="button" className="button button-small" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={`Вопрос ${i + 1} выше`}>
                    ↑
                  </button>
                  <button type="button" className="button button-small" disabled={i === fields.length - 1} onClick={() => swap(i, i + 1)} aria-label={`Вопрос ${i + 1} ниже`}>
                    ↓
                  </button>
                  <button type="button" className="button button-small button-danger" onClick={() => remove(i)}>
                    Удалить вопрос {i + 1}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button-block" onClick={() => append(newQuestion(), { shouldFocus: false })}>
          Добавить вопрос
        </button>
        <FormErrorSummary errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            Сохранить анкету
          </button>
        </div>
      </form>
    </Page>
  );
}
