import { TableScroll } from './TableScroll';
import { useEffect, useId, useRef, useState } from 'react';
import { bundleErrorMessage } from '../domain/bundle/errors';
import { tableLabel } from '../domain/syncedTables';
import { formatBytes, PAIRS_OR_GROUPS, plural } from '../domain/text';
import { clockWarningText } from '../domain/clockSkew';
import { erasedRecordsText } from '../domain/erasureRequest';
import type { ImportPreview, ImportReport } from '../storage/bundle/importBundle';
import type { ReadProgress } from '../storage/bundle/exportFile';
import { openImport, type ImportSession } from '../storage/bundle/importSession';
import { formatDateTime } from '../domain/dates';

type State =
  | { step: 'idle' }
  | { step: 'reading'; progress: ReadProgress }
  | { step: 'passphrase'; file: File; message?: string }
  | { step: 'preview'; session: ImportSession }
  | { step: 'applying' };

/** Column heads short enough for four numbers beside a table name on a 360 px screen; the full words in `title`. */
const OUTCOMES = [
  ['new', 'Новые', 'новые записи'],
  ['updated', 'Обновятся', 'обновятся'],
  ['unchanged', 'Те же', 'без изменений'],
  ['conflict', 'Спорные', 'в конфликте'],
] as const;

const STAGES: Record<ReadProgress['stage'], string> = {
  reading: 'Читаем файл',
  decrypting: 'Расшифровываем',
  inflating: 'Распаковываем',
  checking: 'Проверяем записи',
  files: 'Проверяем файлы материалов',
  receiving: 'Передаём записи',
  preview: 'Сравниваем с данными устройства',
};

/** «Распаковываем: 1,2 из 3,7 МБ (распаковано 18,1 МБ)» and how far the bar goes (null: it cannot tell). */
function progressText(p: ReadProgress): { text: string; value: number | null } {
  const label = STAGES[p.stage];
  if (!('done' in p) || p.done === undefined || !p.total) return { text: `${label}…`, value: null };
  const value = Math.min(1, p.done / p.total);
  if (p.stage === 'receiving') return { text: `${label}: ${p.done.toLocaleString('ru-RU')} из ${p.total.toLocaleString('ru-RU')}`, value };
  if (p.stage === 'files') return { text: `${label}: ${p.done} из ${p.total}`, value };
  const inflated = p.stage === 'inflating' && p.produced !== undefined ? ` (распаковано ${formatBytes(p.produced)})` : '';
  return { text: `${label}: ${formatBytes(p.done)} из ${formatBytes(p.total)}${inflated}`, value };
}

/** A short line of what an import did, for the toast and the history. */
export function importSummary(r: Pick<ImportPreview, 'total'>): string {
  const t = r.total;
  return [
    `новых: ${t.new}`,
    `обновлено: ${t.updated}`,
    `без изменений: ${t.unchanged}`,
    ...(t.conflict ? [`конфликтов: ${t.conflict}`] : []),
  ].join(', ');
}

/**
 * Pick a file → passphrase if it is encrypted → a preview per table (new, updated, unchanged, in conflict) →
 * «Применить» writes everything in one transaction. Any problem is a Russian message and nothing is written.
 */
export function BundleImport({
  onImported,
  applyLabel = 'Применить',
  initialFile,
}: {
  onImported: (r: ImportReport) => void;
  applyLabel?: string;
  /** A file that arrived another way (the camera, the share sheet, «Открыть с помощью»): read it at once. */
  initialFile?: File;
}) {
  const id = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const input = useRef<HTMLInputElement>(null);
  /** The read under way: «Отмена» aborts it (the worker is terminated), a newer read makes its result stale. */
  const reading = useRef<AbortController | null>(null);

  /** The file being previewed, held by the import worker until «Применить» or «Отмена». */
  const session = useRef<ImportSession | null>(null);

  useEffect(
    () => () => {
      reading.current?.abort();
      session.current?.close();
    },
    [],
  );

  const reset = () => {
    reading.current?.abort();
    reading.current = null;
    session.current?.close();
    session.current = null;
    setState({ step: 'idle' });
    // Once more on the next task: React keeps the previous render's state (the preview, with the whole bundle) in
    // its alternate fiber until the component renders again; without this a cancelled 200,000-record preview stayed
    // in memory.
    setTimeout(() => setState({ step: 'idle' }), 0);
    setPassphrase('');
    if (input.current) input.current.value = '';
  };

  const read = async (file: File, phrase?: string) => {
    reading.current?.abort();
    session.current?.close();
    session.current = null;
    const control = new AbortController();
    reading.current = control;
    setProblem(null);
    setState({ step: 'reading', progress: { stage: 'reading' } });
    let r;
    try {
      r = await openImport(file, phrase, {
        signal: control.signal,
        onProgress: (progress) => {
          if (!control.signal.aborted) setState({ step: 'reading', progress });
        },
      });
    } catch (e) {
      if (control.signal.aborted) return; // «Отмена»: reset() has already put the form back
      throw e;
    }
    if (control.signal.aborted) {
      if (r.ok) r.value.close();
      return;
    }
    reading.current = null;
    if (!r.ok) {
      if (r.error.kind === 'passphraseRequired' || r.error.kind === 'wrongPassphrase') {
        setState({ step: 'passphrase', file, message: r.error.kind === 'wrongPassphrase' ? bundleErrorMessage(r.error) : undefined });
        return;
      }
      setProblem(bundleErrorMessage(r.error));
      setState({ step: 'idle' });
      return;
    }
    session.current = r.value;
    setState({ step: 'preview', session: r.value });
  };

  useEffect(() => {
    // read once per file that arrives
    if (initialFile) void read(initialFile);
  }, [initialFile]);

  const apply = async (opened: ImportSession) => {
    setState({ step: 'applying' });
    try {
      const r = await opened.apply();
      session.current = null;
      if (!r.ok) {
        setProblem(bundleErrorMessage(r.error));
        setState({ step: 'idle' });
        return;
      }
      reset();
      onImported(r.value);
    } catch (e) {
      session.current = null;
      setProblem(`Импорт не выполнен, данные не изменены: ${e instanceof Error ? e.message : String(e)}`);
      setState({ step: 'idle' });
    }
  };

  return (
    <div className="bundle-import">
      <div className="field">
        <label htmlFor={`${id}-file`}>Файл обмена</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,.gz,.zip,.nastavnik,.txt,application/json,application/gzip,application/zip,application/octet-stream,text/plain"
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          disabled={state.step === 'reading' || state.step === 'applying'}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void read(f);
          }}
        />
        <p className="field-hint" id={`${id}-hint`}>
          Файл, сохранённый кнопкой «Сохранить файл обмена» на другом устройстве (.json.gz, .zip — вместе с файлами материалов, зашифрованный .nastavnik или .txt, присланный через «Поделиться»).
        </p>
      </div>

      {state.step === 'reading' && (
        <div className="import-progress">
          <p className="muted" role="status" aria-live="polite">
            Проверяем файл… {progressText(state.progress).text}
          </p>
          <progress
            aria-label="Ход проверки файла"
            max={1}
            {...(progressText(state.progress).value === null ? {} : { value: progressText(state.progress).value! })}
          />
          <div className="button-row">
            <button type="button" className="button" onClick={reset}>
              Отмена
            </button>
          </div>
        </div>
      )}
      {problem && (
        <div className="notice notice-error pre-line" role="alert" id={`${id}-problem`}>
          {problem}
        </div>
      )}

      {state.step === 'passphrase' && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase) void read(state.file, passphrase);
          }}
        >
          <div className={`field${state.message ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-pass`}>Парольная фраза файла</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="off"
              value={passphrase}
              aria-invalid={!!state.message}
              aria-describedby={state.message ? `${id}-pass-error` : `${id}-pass-hint`}
              onChange={(e) => setPassphrase(e.target.value)}
              autoFocus
            />
            {state.message ? (
              <p className="field-error" id={`${id}-pass-error`} role="alert">
                {state.message}
              </p>
            ) : (
              <p className="field-hint" id={`${id}-pass-hint`}>
                Файл зашифрован. Введите фразу, которую задали при сохранении.
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={reset}>
              Отмена
            </button>
            <button type="submit" className="button button-primary" disabled={!passphrase}>
              Открыть файл
            </button>
          </div>
        </form>
      )}

      {state.step === 'preview' && (
        <section aria-labelledby={`${id}-preview`} className="card-section">
          <h3 id={`${id}-preview`}>Что изменится</h3>
          <p>
            Файл «{state.session.header.school.name}» с устройства «{state.session.header.device.name || 'без названия'}», сохранён{' '}
            {formatDateTime(state.session.header.createdAt)};{' '}
            {state.session.header.scope.kind === 'school'
              ? 'вся школа'
              : `только ${plural(state.session.header.scope.mentorshipIds.length, PAIRS_OR_GROUPS)}`}
            .
          </p>
          <TableScroll label="Записи файла по таблицам">
            <table className="preview import-counts">
              <caption className="visually-hidden">Записи файла по таблицам</caption>
              <thead>
                <tr>
                  <th scope="col">Таблица</th>
                  {OUTCOMES.map(([k, short, full]) => (
                    <th scope="col" key={k}>
                      <abbr title={full}>{short}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(state.session.preview.perTable).map(([table, c]) => (
                  <tr key={table} data-table={table}>
                    <th scope="row">{tableLabel(table)}</th>
                    {OUTCOMES.map(([k]) => (
                      <td key={k} data-outcome={k} className={k === 'conflict' && c[k] ? 'row-bad' : undefined}>
                        {c[k]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p role="status">Итого: {importSummary(state.session.preview)}.</p>
          {state.session.attachments > 0 && (
            <p data-testid="import-files">
              {state.session.preview.files.count > 0
                ? `Файлы материалов: добавится ${plural(state.session.preview.files.count, { one: 'файл', few: 'файла', many: 'файлов' })}, ${formatBytes(state.session.preview.files.bytes)}.`
                : 'Файлы материалов из архива на этом устройстве уже есть.'}
            </p>
          )}
          {state.session.preview.total.conflict > 0 && (
            <div className="notice notice-warn">
              В {plural(state.session.preview.total.conflict, { one: 'записи', few: 'записях', many: 'записях' })} одно и то же поле изменено и здесь, и на
              другом устройстве, по-разному. Оба значения сохранятся; выбрать нужное можно в разделе «Конфликты». Правки разных полей
              соединятся сами.
            </div>
          )}
          {state.session.preview.clock.map((w) => (
            <div key={`${w.kind}-${w.deviceId}`} className="notice notice-warn" data-testid="clock-warning">
              {clockWarningText(w, w.deviceName ? `«${w.deviceName}»` : w.deviceId === state.session.header.device.id ? 'отправителя' : `с кодом ${w.deviceId.slice(0, 6)}`)}
            </div>
          ))}
          {erasedRecordsText(state.session.preview.erasedRecords) && (
            <div className="notice notice-warn" data-testid="erased-records">
              {erasedRecordsText(state.session.preview.erasedRecords)}
            </div>
          )}
          {state.session.preview.ignoredTables.length > 0 && (
            <p className="muted">Таблицы более новой версии приложения пропущены: {state.session.preview.ignoredTables.join(', ')}.</p>
          )}
          <p className="muted">Перед импортом приложение запомнит нынешние данные: импорт можно будет отменить.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={reset}>
              Отмена
            </button>
            <button type="button" className="button button-primary" onClick={() => void apply(state.session)}>
              {applyLabel}
            </button>
          </div>
        </section>
      )}
      {state.step === 'applying' && (
        <p className="muted" role="status">
          Применяем…
        </p>
      )}
    </div>
  );
}
