import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { stripEnvelope } from '../../domain/envelope';
import { roadmapTaskInputSchema, ROADMAP_STATUSES, ROADMAP_STATUS_LABELS, type RoadmapTaskFields } from '../../domain/roadmap';
import { fieldErrors } from '../../domain/zodErrors';
import { roadmapRepo } from '../../storage/yearWork';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';

type Editable = Pick<RoadmapTaskFields, 'content' | 'deadlineText' | 'deadline' | 'expectedResult' | 'indicator' | 'responsible' | 'status' | 'note'>;

/** One roadmap row, every field editable; deleting asks, and is a tombstone with «Вернуть». */
export function RoadmapTaskPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const task = useLiveQuery(() => roadmapRepo.get(id).then((t) => t ?? null), [id]);
  const [f, setF] = useState<Editable | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    if (task && !f) setF({ content: task.content, deadlineText: task.deadlineText, deadline: task.deadline, expectedResult: task.expectedResult, indicator: task.indicator, responsible: task.responsible, status: task.status, note: task.note });
  }, [task, f]);

  if (task === undefined) return <Page title="Строка дорожной карты" backTo="/roadmap">{null}</Page>;
  if (!task || !f)
    return (
      <Page title="Строка дорожной карты" backTo="/roadmap">
        <EmptyState title="Строка не найдена" />
      </Page>
    );
  const set = (k: keyof Editable) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  return (
    <Page title="Строка дорожной карты" backTo="/roadmap">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const r = roadmapTaskInputSchema.safeParse({ ...stripEnvelope(task), ...f, doneOn: f.status === 'done' ? task.doneOn : '' });
          if (!r.success) return setErrors(fieldErrors(r.error));
          void roadmapRepo.save(r.data, task.id).then(() => {
            show('Сохранено');
            navigate('/roadmap');
          });
        }}
      >
        <TextAreaField label="Содержание" required value={f.content} error={errors.content} onChange={set('content')} />
        <TextField label="Срок (словами)" value={f.deadlineText} error={errors.deadlineText} onChange={set('deadlineText')} />
        <TextField label="Срок (дата)" type="date" value={f.deadline} error={errors.deadline} onChange={set('deadline')} hint="По этой дате строка считается просроченной" />
        <TextAreaField label="Ожидаемый результат" value={f.expectedResult} error={errors.expectedResult} onChange={set('expectedResult')} />
        <TextAreaField label="Показатель" value={f.indicator} error={errors.indicator} onChange={set('indicator')} />
        <TextField label="Ответственный" value={f.responsible} error={errors.responsible} onChange={set('responsible')} />
        <SelectField label="Статус" value={f.status} onChange={set('status')} options={ROADMAP_STATUSES.map((s) => ({ value: s, label: ROADMAP_STATUS_LABELS[s] }))} />
        <TextAreaField label="Заметка" value={f.note} error={errors.note} onChange={set('note')} />
        <div className="form-actions">
          <button type="button" className="button button-danger" onClick={() => setConfirm(true)}>
            Удалить
          </button>
          <button type="submit" className="button button-primary">
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
          void roadmapRepo.remove(task.id).then(() => {
            show('Строка удалена', { label: 'Вернуть', run: () => void roadmapRepo.restore(task.id) });
            navigate('/roadmap');
          });
        }}
      />
    </Page>
  );
}
