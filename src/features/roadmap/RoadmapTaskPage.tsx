import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { stripEnvelope } from '../../domain/envelope';
import { ROADMAP_STATUSES, ROADMAP_STATUS_LABELS, type RoadmapTask, type RoadmapTaskFields } from '../../domain/roadmap';
import { roadmapTaskInputSchema } from '../../domain/roadmap.schema';
import { roadmapRepo } from '../../storage/yearWork';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DraftNotice } from '../../ui/DraftNotice';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';
import { useFormDraft } from '../../ui/useFormDraft';
import { useRoadmapTask } from '../../data/roadmap';
import { useToasts } from '../../ui/toastStore';

type Editable = Pick<RoadmapTaskFields, 'content' | 'deadlineText' | 'deadline' | 'expectedResult' | 'indicator' | 'responsible' | 'status' | 'note'>;

const toForm = (task: RoadmapTask): Editable => ({
  content: task.content,
  deadlineText: task.deadlineText,
  deadline: task.deadline,
  expectedResult: task.expectedResult,
  indicator: task.indicator,
  responsible: task.responsible,
  status: task.status,
  note: task.note,
});

/** One roadmap row, every field editable; deleting asks, and is a tombstone with «Вернуть». */
export function RoadmapTaskPage() {
  const { id } = useParams() as { id: string };
  const task = useRoadmapTask(id);
  if (task === undefined) return <Page title="Строка дорожной карты" backTo="/roadmap">{null}</Page>;
  if (!task)
    return (
      <Page title="Строка дорожной карты" backTo="/roadmap">
        <EmptyState title="Строка не найдена" />
      </Page>
    );
  // Mounted once the row is read, with its values, so that a restored draft wins over them.
  return <RoadmapTaskForm key={task.id} task={task} />;
}

function RoadmapTaskForm({ task }: { task: RoadmapTask }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const [confirm, setConfirm] = useState(false);
  // The row's other fields (section, order, its document's evidence) are kept as stored now; a done row keeps its date.
  const stored = useRef(task);
  stored.current = task;
  const [resolver] = useState(() =>
    domainResolver<Editable, typeof roadmapTaskInputSchema>(roadmapTaskInputSchema, (f) => ({
      ...stripEnvelope(stored.current),
      ...f,
      doneOn: f.status === 'done' ? stored.current.doneOn : '',
    })),
  );
  const form = useForm<Editable, unknown, RoadmapTaskFields>({ defaultValues: toForm(task), resolver });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const draft = useFormDraft(`roadmapTask:${task.id}`, form);

  return (
    <Page title="Строка дорожной карты" backTo="/roadmap">
      <DraftNotice
        restored={draft.restored}
        onDiscard={async () => {
          await draft.discard();
          reset(toForm(task));
        }}
      />
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit(async (fields) => {
          if ((await writeOrShowRefusal(setError, () => roadmapRepo.save(fields, task.id))) === REFUSED) return;
          await draft.clear();
          show('Сохранено');
          navigate('/roadmap');
        })}
      >
        <TextAreaField label="Содержание" required error={errors.content?.message} {...register('content')} />
        <TextField label="Срок (словами)" error={errors.deadlineText?.message} {...register('deadlineText')} />
        <TextField label="Срок (дата)" type="date" error={errors.deadline?.message} {...register('deadline')} hint="По этой дате строка считается просроченной" />
        <TextAreaField label="Ожидаемый результат" error={errors.expectedResult?.message} {...register('expectedResult')} />
        <TextAreaField label="Показатель" error={errors.indicator?.message} {...register('indicator')} />
        <TextField label="Ответственный" error={errors.responsible?.message} {...register('responsible')} />
        <SelectField label="Статус" error={errors.status?.message} {...register('status')} options={ROADMAP_STATUSES.map((s) => ({ value: s, label: ROADMAP_STATUS_LABELS[s] }))} />
        <TextAreaField label="Заметка" error={errors.note?.message} {...register('note')} />
        <FormErrorSummary errors={errors} />
        <div className="form-actions">
          <button type="button" className="button button-danger" onClick={() => setConfirm(true)}>
            Удалить
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            Сохранить
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirm}
        message="Удалить строку дорожной карты?"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void roadmapRepo.remove(task.id).then(async () => {
            await draft.clear();
            show('Строка удалена', { label: 'Вернуть', run: () => void roadmapRepo.restore(task.id) });
            navigate('/roadmap');
          });
        }}
      />
    </Page>
  );
}
