import { ActionForm } from '../../ui/ActionForm';
import { useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { materialInputSchema, MATERIAL_AUDIENCES, MATERIAL_AUDIENCE_LABELS, totalSize, type Material } from '../../domain/material';
import { fieldErrors } from '../../domain/zodErrors';
import { addMaterial, heldFileIds, materialFile, materialsRepo, removeMaterial } from '../../storage/yearWork';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { saveFile } from '../../ui/share';
import { useToasts } from '../../ui/toastStore';
import { openKeptFile } from '../../ui/openFile';
import { formatBytes } from '../../domain/text';
import { useMentoringForms } from '../../data/useMentoringForms';

/** Methodological materials kept on the device: open, share, delete; what they take of the storage. */
export function MaterialsPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const all = useLiveQuery(() => materialsRepo.list(), []);
  const materials = (all ?? []).filter((m) => !m.roadmapTaskId);
  const held = useLiveQuery(() => heldFileIds(), []);
  const onDevice = (all ?? []).filter((m) => held?.has(m.id));
  const [file, setFile] = useState<File | null>(null);
  const forms = useMentoringForms();
  const formName = new Map((forms ?? []).map((x) => [x.id, x.name]));
  const [f, setF] = useState({ title: '', description: '', audience: 'all', formId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<Material | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = async () => {
    const { formId, ...rest } = f;
    const r = materialInputSchema.safeParse({
      ...rest,
      formIds: formId ? [formId] : [],
      title: f.title || file?.name.replace(/\.[^.]+$/, '') || '',
      fileName: file?.name ?? '',
      mimeType: file?.type ?? '',
      size: file?.size ?? 0,
    });
    if (!r.success || !file) return setErrors(r.success ? { fileName: 'Выберите файл' } : fieldErrors(r.error));
    setErrors({});
    await addMaterial(r.data, file);
    show(`Материал «${r.data.title}» сохранён на устройстве`);
    setFile(null);
    setF({ title: '', description: '', audience: 'all', formId: '' });
    if (input.current) input.current.value = '';
  };

  return (
    <Page title="Методические материалы" backTo="/more">
      <p className="muted" data-testid="materials-size">
        Файлов на устройстве: {onDevice.length} · {formatBytes(totalSize(onDevice))}. Материалы доступны без сети. В файл обмена
        попадают их названия и описания, а резервная копия всей школы может взять и сами файлы (отметка «Вместе с файлами» в
        разделе «Обмен»).
      </p>
      {all === undefined ? null : materials.length === 0 ? (
        <EmptyState title="Материалов пока нет">
          <p>Добавьте программы, памятки, презентации (PDF, DOCX, изображения) — они будут под рукой на встрече.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Материалы">
          {materials.map((m) => (
            <li key={m.id} className="list-item material-item">
              <span className="list-title">{m.title}</span>
              <span className="list-sub">
                {MATERIAL_AUDIENCE_LABELS[m.audience]}
                {m.formIds.length ? ` · ${m.formIds.map((x) => formName.get(x) ?? x).join(', ')}` : ''} · {m.fileName} · {formatBytes(m.size)}
              </span>
              {m.description && <span className="list-sub">{m.description}</span>}
              {held && !held.has(m.id) && (
                <span className="list-sub">
                  <span className="badge badge-warn">файла нет на этом устройстве</span> Пришло только описание: попросите резервную копию
                  «вместе с файлами» или сам файл.
                </span>
              )}
              <span className="inline-actions">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void openKeptFile(m.id, m.fileName).then((opened) => opened || show('Файла нет на этом устройстве'))}
                >
                  Открыть
                </button>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    void materialFile(m.id).then(async (b) => {
                      if (b) await saveFile(b, m.fileName, { title: m.title });
                      else show('Файла нет на этом устройстве');
                    })
                  }
                >
                  Поделиться
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => setRemoving(m)} aria-label={`Удалить «${m.title}»`}>
                  Удалить
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActionForm className="form card-section" onSubmit={add}>
        <h2>Добавить материал</h2>
        <div className={`field${errors.fileName || errors.size ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-file`}>Файл</label>
          <input ref={input} id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {(errors.fileName || errors.size) && (
            <p className="field-error" role="alert">
              {errors.fileName ?? errors.size}
            </p>
          )}
        </div>
        <TextField label="Название" value={f.title} error={errors.title} hint="Если пусто — имя файла" onChange={(e) => setF({ ...f, title: e.target.value })} />
        <TextAreaField label="Описание" value={f.description} error={errors.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
        <SelectField label="Для кого" value={f.audience} onChange={(e) => setF({ ...f, audience: e.target.value })} options={MATERIAL_AUDIENCES.map((a) => ({ value: a, label: MATERIAL_AUDIENCE_LABELS[a] }))} />
        <SelectField
          label="Форма наставничества"
          value={f.formId}
          placeholder="любая"
          onChange={(e) => setF({ ...f, formId: e.target.value })}
          options={(forms ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        <button type="submit" className="button button-primary button-block">
          Сохранить на устройстве
        </button>
      </ActionForm>
      <ConfirmDialog
        open={removing !== null}
        message={`Удалить «${removing?.title ?? ''}»? Файл удалится с этого устройства.`}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const m = removing;
          setRemoving(null);
          if (m) void removeMaterial(m.id).then(() => show('Материал удалён'));
        }}
      />
    </Page>
  );
}
