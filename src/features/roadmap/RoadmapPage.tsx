import { useEffect, useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { formatRuDate, todayIso } from '../../domain/dates';
import type { Material } from '../../domain/material';
import { MAX_FILE_BYTES } from '../../domain/material';
import { isOverdue, roadmapByMonth, roadmapProgress, ROADMAP_SECTIONS, ROADMAP_SECTION_LABELS, ROADMAP_STATUSES, ROADMAP_STATUS_LABELS, type RoadmapStatus, type RoadmapTask, type RoadmapTaskFields } from '../../domain/roadmap';
import { roadmapTaskInputSchema } from '../../domain/roadmap.schema';
import { stripEnvelope } from '../../domain/envelope';
import { completeWithDocument, ensureRoadmap, roadmapRepo } from '../../storage/yearWork';
import { EmptyState, Page } from '../../ui/Page';
import { TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { openKeptFile } from '../../ui/openFile';
import { PartialSchoolNotice } from '../../ui/PartialSchoolNotice';
import { formatBytes } from '../../domain/text';
import { useSchool } from '../../data/hooks';
import { useRoadmapTasks } from '../../data/roadmap';
import { useMaterials } from '../../data/library';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

const EVIDENCE_LABELS: Record<string, string> = {
  '/people?role=mentee': 'База наставляемых',
  '/people?role=mentor': 'База наставников',
  '/partners': 'Партнёры',
  '/networking': 'Нетворкинг',
  '/mentorships': 'Пары и группы',
  '/consents': 'Согласия',
  '/orders': 'Приказы',
  '/mentorships?attention=1': 'Планы под 90\u00a0%',
};

/** The year's roadmap: rows by section or by month, overdue ones marked, status, documents and the app's evidence. */
export function RoadmapPage() {
  const school = useSchool();
  const year = school?.academicYear;
  useEffect(() => {
    if (year) void ensureRoadmap(year);
  }, [year]);
  const all = useRoadmapTasks();
  const docs = useMaterials();
  const [view, setView] = useState<'sections' | 'months'>('sections');
  const today = todayIso();
  const tasks = useMemo(() => (all ?? []).filter((t) => t.academicYear === year).sort((a, b) => a.order - b.order), [all, year]);
  const docsBy = useMemo(() => {
    const m = new Map<string, Material[]>();
    for (const d of docs ?? []) if (d.roadmapTaskId) m.set(d.roadmapTaskId, [...(m.get(d.roadmapTaskId) ?? []), d]);
    return m;
  }, [docs]);

  if (!school || !all) return <Page title="Дорожная карта" backTo="/more">{null}</Page>;
  const p = roadmapProgress(tasks, today);

  return (
    <Page title="Дорожная карта" backTo="/more">
      <p className="muted">Учебный год {school.academicYear}</p>
      <PartialSchoolNotice what="отметки дорожной карты ставит куратор, здесь они могут быть неполными" />
      <p role="status" data-testid="roadmap-progress">
        Выполнено {p.done} из {p.total}
        {p.overdue ? ` · просрочено: ${p.overdue}` : ''}
      </p>
      <div className="segmented" role="group" aria-label="Вид">
        <button type="button" className="segment" aria-pressed={view === 'sections'} onClick={() => setView('sections')}>
          По разделам
        </button>
        <button type="button" className="segment" aria-pressed={view === 'months'} onClick={() => setView('months')}>
          По месяцам
        </button>
      </div>
      {tasks.length === 0 ? (
        <EmptyState title="Строк пока нет">
          <p>Шаблон дорожной карты появится через мгновение; можно добавить свои строки ниже.</p>
        </EmptyState>
      ) : view === 'sections' ? (
        ROADMAP_SECTIONS.map((s) => {
          const rows = tasks.filter((t) => t.section === s);
          return rows.length ? (
            <section key={s} aria-label={ROADMAP_SECTION_LABELS[s]}>
              <h2>{ROADMAP_SECTION_LABELS[s]}</h2>
              <ul className="roadmap-list">
                {rows.map((t) => (
                  <TaskRow key={t.id} task={t} docs={docsBy.get(t.id) ?? []} today={today} />
                ))}
              </ul>
            </section>
          ) : null;
        })
      ) : (
        roadmapByMonth(tasks, school.academicYear)
          .filter((m) => m.tasks.length)
          .map((m) => (
            <section key={m.key || 'none'} aria-label={m.label}>
              <h2>{m.label}</h2>
              <ul className="roadmap-list">
                {m.tasks.map((t) => (
                  <TaskRow key={t.id} task={t} docs={docsBy.get(t.id) ?? []} today={today} />
                ))}
              </ul>
            </section>
          ))
      )}
      <NewRow academicYear={school.academicYear} order={tasks.length + 1} />
    </Page>
  );
}

function TaskRow({ task, docs, today }: { task: RoadmapTask; docs: Material[]; today: string }) {
  const id = useId();
  const show = useToasts((s) => s.show);
  const [problem, setProblem] = useState<string | null>(null);
  const overdue = isOverdue(task, today);
  const short = task.content.length > 60 ? `${task.content.slice(0, 60)}…` : task.content;

  const setStatus = (status: RoadmapStatus) =>
    void roadmapRepo.save({ ...stripEnvelope(task), status, doneOn: status === 'done' ? task.doneOn || today : '' }, task.id);

  const attach = async (file: File) => {
    setProblem(null);
    if (file.size === 0) return setProblem('Файл пустой');
    if (file.size > MAX_FILE_BYTES) return setProblem(`Файл больше ${formatBytes(MAX_FILE_BYTES)}`);
    await completeWithDocument(task.id, { name: file.name, type: file.type, size: file.size, blob: file }, today);
    show('Документ прикреплён, строка отмечена выполненной');
  };

  return (
    <li className={`card-section roadmap-row${overdue ? ' roadmap-overdue' : ''}${task.status === 'done' ? ' roadmap-done' : ''}`} aria-label={short}>
      <p className="roadmap-content">{task.content}</p>
      <p className="muted">
        {task.deadlineText || (task.deadline ? `до ${formatRuDate(task.deadline)}` : 'без срока')}
        {task.responsible ? ` · ${task.responsible}` : ''}
      </p>
      {overdue && <span className="badge badge-error">просрочено</span>}
      {task.expectedResult && <p className="roadmap-result">Результат: {task.expectedResult}</p>}
      <div className="roadmap-actions">
        <label className="visually-hidden" htmlFor={`${id}-status`}>
          Статус: {short}
        </label>
        <select id={`${id}-status`} className="status-select" value={task.status} onChange={(e) => setStatus(e.target.value as RoadmapStatus)}>
          {ROADMAP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ROADMAP_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {task.evidenceRoute && (
          <Link className="button button-small" to={task.evidenceRoute}>
            {EVIDENCE_LABELS[task.evidenceRoute] ?? 'Открыть'}
          </Link>
        )}
        <label className="button button-small file-button">
          Прикрепить документ
          <input
            type="file"
            className="visually-hidden"
            aria-label={`Прикрепить документ: ${short}`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void attach(f);
              e.target.value = '';
            }}
          />
        </label>
        <Link className="button button-small" to={`/roadmap/${task.id}`}>
          Изменить
        </Link>
      </div>
      {docs.length > 0 && (
        <ul className="roadmap-docs" aria-label="Документы">
          {docs.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button" onClick={() => void openKeptFile(d.id, d.fileName).then((opened) => opened || show('Файла нет на этом устройстве: попросите резервную копию «вместе с файлами»'))}>
                {d.fileName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

interface NewRowForm {
  content: string;
  deadline: string;
  responsible: string;
  expectedResult: string;
}

function NewRow({ academicYear, order }: { academicYear: string; order: number }) {
  const show = useToasts((s) => s.show);
  const resolver = useMemo(
    () => domainResolver<NewRowForm, typeof roadmapTaskInputSchema>(roadmapTaskInputSchema, (f) => ({ academicYear, section: 'organisation', order, ...f })),
    [academicYear, order],
  );
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<NewRowForm, unknown, RoadmapTaskFields>({ defaultValues: { content: '', deadline: '', responsible: '', expectedResult: '' }, resolver });
  return (
    <details className="card-section">
      <summary>Добавить строку</summary>
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit(async (fields) => {
          if ((await writeOrShowRefusal(setError, () => roadmapRepo.save(fields))) === REFUSED) return;
          reset();
          show('Строка добавлена');
        })}
      >
        <TextAreaField label="Содержание" required error={errors.content?.message} {...register('content')} />
        <TextField label="Срок" type="date" error={errors.deadline?.message} {...register('deadline')} />
        <TextField label="Ответственный" error={errors.responsible?.message} {...register('responsible')} />
        <TextField label="Ожидаемый результат" error={errors.expectedResult?.message} {...register('expectedResult')} />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary">
          Добавить
        </button>
      </form>
    </details>
  );
}
