import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { MATERIAL_AUDIENCES, MATERIAL_AUDIENCE_LABELS, totalSize, type Material, type MaterialFields } from '../../domain/material';
import { materialInputSchema } from '../../domain/material.schema';
import { addMaterial, materialFile, removeMaterial } from '../../storage/yearWork';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, Page } from '../../ui/Page';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { saveFile } from '../../ui/share';
import { useToasts } from '../../ui/toastStore';
import { openKeptFile } from '../../ui/openFile';
import { formatBytes } from '../../domain/text';
import { useMentoringForms } from '../../data/useMentoringForms';
import { useHeldFileIds, useMaterials } from '../../data/library';
import { domainResolver, firstSegment, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface MaterialForm {
  title: string;
  description: string;
  audience: string;
  formId: string;
}
const EMPTY: MaterialForm = { title: '', description: '', audience: 'all', formId: '' };
/** The file's problems (none chosen, empty, too big) are the file field's. */
const fieldOf = (path: string) => (path === 'size' || path === 'mimeType' ? 'fileName' : firstSegment(path));

function materialInput({ formId, ...rest }: MaterialForm, file: File | null) {
  return {
    ...rest,
    formIds: formId ? [formId] : [],
    title: rest.title || file?.name.replace(/\.[^.]+$/, '') || '',
    fileName: file?.name ?? '',
    mimeType: file?.type ?? '',
    size: file?.size ?? 0,
  };
}

/** Methodological materials kept on the device: open, share, delete; what they take of the storage. */
export function MaterialsPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const all = useMaterials();
  const materials = (all ?? []).filter((m) => !m.roadmapTaskId);
  const held = useHeldFileIds();
  const onDevice = (all ?? []).filter((m) => held?.has(m.id));
  // The chosen file is no form value (nothing to keep in a draft): the resolver reads it from here.
  const file = useRef<File | null>(null);
  const forms = useMentoringForms();
  const formName = new Map((forms ?? []).map((x) => [x.id, x.name]));
  const [resolver] = useState(() => domainResolver<MaterialForm, typeof materialInputSchema>(materialInputSchema, (v) => materialInput(v, file.current), { fieldOf }));
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MaterialForm & { fileName?: string }, unknown, MaterialFields>({ defaultValues: EMPTY, resolver });
  const [removing, setRemoving] = useState<Material | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const add = handleSubmit(async (fields) => {
    const chosen = file.current;
    if (!chosen) return setError('fileName', { message: 'Выберите файл' });
    if ((await writeOrShowRefusal(setError, () => addMaterial(fields, chosen), fieldOf)) === REFUSED) return;
    show(`Материал «${fields.title}» сохранён на устройстве`);
    file.current = null;
    reset(EMPTY);
    if (input.current) input.current.value = '';
  });

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
      <form className="form card-section" noValidate onSubmit={add}>
        <h2>Добавить материал</h2>
        <div className={`field${errors.fileName ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-file`}>Файл</label>
          <input ref={input} id={`${id}-file`} name="fileName" type="file" onChange={(e) => (file.current = e.target.files?.[0] ?? null)} />
          {errors.fileName && (
            <p className="field-error" role="alert">
              {errors.fileName.message}
            </p>
          )}
        </div>
        <TextField label="Название" error={errors.title?.message} hint="Если пусто — имя файла" {...register('title')} />
        <TextAreaField label="Описание" error={errors.description?.message} {...register('description')} />
        <SelectField label="Для кого" error={errors.audience?.message} {...register('audience')} options={MATERIAL_AUDIENCES.map((a) => ({ value: a, label: MATERIAL_AUDIENCE_LABELS[a] }))} />
        <SelectField label="Форма наставничества" placeholder="любая" error={errors.formId?.message} {...register('formId')} options={(forms ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        <FormErrorSummary errors={errors} />
        <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
          Сохранить на устройстве
        </button>
      </form>
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
