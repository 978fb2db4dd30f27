import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { exportFormSchema } from '../../domain/bundle/exportForm';
import { shortName } from '../../domain/person';
import { formatBytes, plural } from '../../domain/text';
import { MAX_BUNDLE_BYTES } from '../../domain/bundle/safeJson';
import { filesFitBundle } from '../../domain/bundle/attachments';
import { saveFile } from '../../ui/share';
import { useDeviceRole } from '../../data/useDeviceRole';
import { ownMentorshipIds } from '../../domain/deviceRole';
import { useToasts } from '../../ui/toastStore';
import { makeExportFile, noteExport, shareableFile } from '../../storage/bundle/exportFile';
import { useMe, useMentorships, usePeople } from '../../data/hooks';
import { useMaterialFilesSummary, usePeers } from '../../data/exchange';
import { domainResolver } from '../../ui/formResolver';
import { FormErrorSummary } from '../../ui/FormErrorSummary';

interface ExportForm {
  scope: 'school' | 'mentorships';
  /** null: not touched, the device's own pairs and groups (a mentor's phone) are ticked. */
  mentorshipIds: string[] | null;
  encrypt: boolean;
  withFiles: boolean;
  passphrase: string;
  confirm: string;
}
const START: ExportForm = { scope: 'school', mentorshipIds: null, encrypt: false, withFiles: false, passphrase: '', confirm: '' };

/** Export: the whole school or chosen pairs/groups, gzip, optionally encrypted, saved or shared as one file. */
export function ExportSection() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const mentorships = useMentorships();
  const people = usePeople();
  const files = useMaterialFilesSummary();
  const role = useDeviceRole();
  const me = useMe();
  const peers = usePeers();
  const [chosenPeer, setPeer] = useState<string | null>(null);
  // A mentor's phone sends its own pairs and groups (never «вся школа», which it does not hold), by default only what
  // the curator's device has not got.
  const mentorPhone = role?.kind === 'mentor';
  const own = useMemo(() => (role && mentorships ? ownMentorshipIds(role, mentorships, me ?? null) : []), [role, mentorships, me]);
  const filesFit = filesFitBundle(files?.bytes ?? 0, MAX_BUNDLE_BYTES);
  const resolver = useMemo(
    () =>
      domainResolver<ExportForm, typeof exportFormSchema>(exportFormSchema, (v) => ({
        ...v,
        scope: mentorPhone ? 'mentorships' : v.scope,
        mentorshipIds: v.mentorshipIds ?? own,
        withFiles: v.withFiles && filesFit,
      })),
    [mentorPhone, own, filesFit],
  );
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitting: busy, isSubmitted },
  } = useForm<ExportForm, unknown, z.output<typeof exportFormSchema>>({ defaultValues: START, resolver });
  const scope = mentorPhone ? 'mentorships' : watch('scope');
  const ticked = watch('mentorshipIds') ?? own;
  const encrypt = watch('encrypt');
  const withFiles = watch('withFiles');
  const setTicked = (ids: string[]) => setValue('mentorshipIds', ids, { shouldValidate: isSubmitted });
  const curatorPeer = role?.kind === 'mentor' && peers?.some((p) => p.id === role.curatorDeviceId) ? role.curatorDeviceId! : '';
  const peer = chosenPeer ?? curatorPeer;
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const names = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  const label = (ids: readonly string[]) =>
    ids
      .map((pid) => names.get(pid))
      .map((p) => (p ? shortName(p) : '(удалён)'))
      .join(', ');

  const save = handleSubmit(async (f) => {
    try {
      const file = await makeExportFile(
        f.scope === 'school' ? { kind: 'school' } : { kind: 'mentorships', mentorshipIds: f.mentorshipIds },
        f.encrypt ? f.passphrase : '',
        f.scope === 'school' && f.withFiles && !peer,
        peer || undefined,
      );
      const outcome = await saveFile(file.blob, file.fileName, { title: 'Файл обмена «Наставника»', shareAs: () => shareableFile(file) });
      if (outcome === 'cancelled') return;
      await noteExport(file);
      const withFilesText = file.files ? ` и ${plural(file.files, { one: 'файл', few: 'файла', many: 'файлов' })} материалов` : '';
      const text = `Сохранено: «${file.fileName}», ${plural(file.records, { one: 'запись', few: 'записи', many: 'записей' })}${withFilesText}, ${formatBytes(file.blob.size)}${file.encoding === 'encrypted' ? ', зашифровано' : ''}.`;
      setDone(text);
      show(outcome === 'shared' ? 'Файл передан' : 'Файл сохранён в загрузки');
      setValue('passphrase', '');
      setValue('confirm', '');
    } catch (e) {
      setFailure(`Файл не сохранён: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  const live = (mentorships ?? []).filter((m) => m.status !== 'finished' && m.status !== 'interrupted');
  const rest = (mentorships ?? []).filter((m) => !live.includes(m));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        setDone(null);
        setFailure(null);
        void save(e);
      }}
    >
      {mentorPhone ? (
        <p className="field-hint" data-testid="mentor-phone-scope">
          Это телефон наставника: в файл попадут только ваши пары и группы. Всю школу сохраняет устройство куратора. Роль телефона меняется в
          «Настройках».
        </p>
      ) : (
        <fieldset className="field">
          <legend>Что сохранить</legend>
          <div className="radio-list">
            <label className="checkbox">
              <input type="radio" value="school" {...register('scope')} /> Вся школа — резервная
              копия или передача директору
            </label>
            <label className="checkbox">
              <input type="radio" value="mentorships" {...register('scope')} /> Только
              выбранные пары и группы — для их наставника
            </label>
          </div>
        </fieldset>
      )}

      {scope === 'mentorships' && (
        <fieldset
          className={`field${errors.mentorshipIds ? ' field-invalid' : ''}`}
          data-field="mentorshipIds"
          aria-describedby={errors.mentorshipIds ? `${id}-m-error` : `${id}-m-hint`}
        >
          <legend>Пары и группы</legend>
          <p className="field-hint" id={`${id}-m-hint`}>
            В файл попадут только их участники, встречи, планы и анкеты. Контакты и даты рождения других людей в файл не попадут.
          </p>
          {mentorships === undefined ? null : mentorships.length === 0 ? (
            <p className="muted">Пар и групп пока нет.</p>
          ) : (
            <ul className="checklist">
              {[...live, ...rest].map((m) => (
                <li key={m.id}>
                  <label className="check-item">
                    <input
                      type="checkbox"
                      checked={ticked.includes(m.id)}
                      onChange={(e) => setTicked(e.target.checked ? [...ticked, m.id] : ticked.filter((x) => x !== m.id))}
                    />
                    <span>
                      {m.title ? `${m.title}: ` : ''}
                      {label(m.mentorIds)} → {label(m.menteeIds)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {errors.mentorshipIds && (
            <p className="field-error" id={`${id}-m-error`} role="alert">
              {errors.mentorshipIds.message}
            </p>
          )}
        </fieldset>
      )}

      {peers && peers.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-peer`}>Только новое для устройства</label>
          <select id={`${id}-peer`} value={peer} onChange={(e) => setPeer(e.target.value)} aria-describedby={`${id}-peer-hint`}>
            <option value="">— нет, всё, что выбрано выше —</option>
            {peers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || `устройство ${p.id.slice(0, 6)}`}
              </option>
            ))}
          </select>
          <p className="field-hint" id={`${id}-peer-hint`}>
            В файл попадёт только то, чего на том устройстве ещё нет, — по файлам, которые оно присылало. Если не уверены, передайте всё: лишнее
            не навредит.
          </p>
        </div>
      )}

      {scope === 'school' && !peer && files && files.count > 0 && (
        <div className="field" data-testid="materials-note">
          <label className="checkbox">
            <input type="checkbox" checked={withFiles && filesFit} disabled={!filesFit} aria-describedby={`${id}-files-hint`} onChange={(e) => setValue('withFiles', e.target.checked)} />{' '}
            Вместе с файлами материалов и документов ({plural(files.count, { one: 'файл', few: 'файла', many: 'файлов' })}, {formatBytes(files.bytes)})
          </label>
          <p className="field-hint" id={`${id}-files-hint`}>
            {!filesFit
              ? `Файлы не поместятся: другое устройство примет файл обмена не больше ${formatBytes(MAX_BUNDLE_BYTES)}. Передайте их отдельно кнопкой «Поделиться» в разделе «Материалы».`
              : withFiles
                ? 'Файл обмена станет архивом .zip: записи и сами файлы. Так делают резервную копию или передают всё директору.'
                : 'Без отметки в файл обмена войдут только названия и описания материалов, а сами файлы останутся на этом устройстве.'}
            {files.missing > 0 && ` Файлов на этом устройстве нет у ${plural(files.missing, { one: 'материала', few: 'материалов', many: 'материалов' })}: их добавили на другом устройстве.`}
          </p>
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" {...register('encrypt')} /> Зашифровать парольной фразой
      </label>
      {encrypt ? (
        <>
          <div className={`field${errors.passphrase ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-pass`}>Парольная фраза</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.passphrase}
              aria-describedby={errors.passphrase ? `${id}-pass-error` : `${id}-pass-hint`}
              {...register('passphrase')}
            />
            {errors.passphrase ? (
              <p className="field-error" id={`${id}-pass-error`} role="alert">
                {errors.passphrase.message}
              </p>
            ) : (
              <p className="field-hint" id={`${id}-pass-hint`}>
                Не короче 8 символов. Сообщите её получателю отдельно, не в том же сообщении. Забытую фразу восстановить нельзя.
              </p>
            )}
          </div>
          <div className={`field${errors.confirm ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-confirm`}>Повторите парольную фразу</label>
            <input
              id={`${id}-confirm`}
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.confirm}
              aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined}
              {...register('confirm')}
            />
            {errors.confirm && (
              <p className="field-error" id={`${id}-confirm-error`} role="alert">
                {errors.confirm.message}
              </p>
            )}
          </div>
        </>
      ) : (
        <p className="notice notice-warn">
          В файле персональные данные детей. Без шифрования их прочтёт любой, к кому попадёт файл: шифруйте, если отправляете через
          мессенджер.
        </p>
      )}
      <FormErrorSummary errors={errors} />
      {failure && (
        <div className="notice notice-error" role="alert">
          {failure}
        </div>
      )}
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? (encrypt ? 'Шифруем…' : 'Собираем файл…') : 'Сохранить файл обмена'}
      </button>
    </form>
  );
}

