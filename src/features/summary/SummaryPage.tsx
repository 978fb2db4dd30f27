import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { bundleErrorMessage } from '../../domain/bundle/errors';
import { formatDateTime, formatRuDate, todayIso } from '../../domain/dates';
import { STATUS_LABELS, toCsv } from '../../domain/report';
import type { IndicatorStatus } from '../../domain/monitoring';
import {
  buildSummary,
  DEFAULT_SUMMARY_COLUMNS,
  FILE_STATUS_LABELS,
  parseSummaryColumns,
  readSchoolFile,
  refusedFile,
  schoolIndicatorRows,
  SHARE_RULE,
  statusCount,
  summaryPct,
  summarySheets,
  type FileReading,
  type SchoolSummary,
  type SummaryColumn,
} from '../../domain/summary';
import { plural } from '../../domain/text';
import { readBundleFile } from '../../storage/bundle/exportFile';
import { Page } from '../../ui/Page';
import { reportXlsx } from '../../ui/reportXlsx';
import { saveFile } from '../../ui/share';
import { TableScroll } from '../../ui/TableScroll';
import { useToasts } from '../../ui/toastStore';
import { SheetTable } from '../../ui/SheetTable';

const BADGE: Record<IndicatorStatus, string> = { met: 'badge-ok', atRisk: 'badge-warn', notMet: 'badge-error', noData: '' };
const pctText = (x: number | null) => (x === null ? '—' : `${summaryPct(x)!.toLocaleString('ru-RU')} %`);

/** An encrypted file waiting for its passphrase (kept only in this page's memory, as the File the user picked). */
interface Locked {
  key: number;
  file: File;
  message?: string;
}

/**
 * «Сводка по школам» (issue 15): the municipality's methodologist picks many schools' whole-school files and sees
 * one row per school with every indicator, the municipality's totals, one school's indicators on demand, and
 * downloads the summary as XLSX or CSV. Each file is read through the bundle gate and turned at once into its
 * school's numbers (src/domain/summary.ts); its records are dropped right after, and nothing — files, passphrases,
 * numbers — is written to this device: the summary lives in this page's memory and is gone when the page closes.
 */
export function SummaryPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const [readings, setReadings] = useState<FileReading[]>([]);
  const [locked, setLocked] = useState<Locked[]>([]);
  const [reading, setReading] = useState<string | null>(null);
  const [columns, setColumns] = useState<{ list: readonly SummaryColumn[]; from: string | null }>({ list: DEFAULT_SUMMARY_COLUMNS, from: null });
  const [columnsProblem, setColumnsProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<SchoolSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const drillHeading = useRef<HTMLHeadingElement>(null);
  const summary = useMemo(() => buildSummary(readings), [readings]);
  const today = todayIso();

  useEffect(() => {
    if (open) drillHeading.current?.focus();
  }, [open]);

  /** Reads one file; an encrypted one without (or with a wrong) passphrase waits for it instead. */
  const readOne = async (file: File, passphrase?: string): Promise<FileReading | Locked> => {
    // In the import worker (decryption, the capped unpacking and the parse gate off the page's thread), as «Обмен» reads.
    const r = await readBundleFile(file, passphrase);
    if (r.ok) return readSchoolFile(file.name, r.value);
    if (r.error.kind === 'passphraseRequired') return { key: ++keys.current, file };
    if (r.error.kind === 'wrongPassphrase') return { key: ++keys.current, file, message: bundleErrorMessage(r.error) };
    return refusedFile(file.name, r.error);
  };

  const addFiles = async (files: readonly File[]) => {
    for (const [i, file] of files.entries()) {
      setReading(`Читаем файл ${i + 1} из ${files.length}: «${file.name}»…`);
      let r: FileReading | Locked;
      try {
        r = await readOne(file);
      } catch (e) {
        r = { kind: 'refused', fileName: file.name, message: `Файл не прочитан: ${e instanceof Error ? e.message : String(e)}` };
      }
      if ('kind' in r) {
        const reading = r;
        setReadings((list) => [...list, reading]);
      } else {
        const waiting = r;
        setLocked((list) => [...list, waiting]);
      }
    }
    setReading(null);
    if (input.current) input.current.value = '';
  };

  const unlock = async (l: Locked, passphrase: string) => {
    setReading(`Расшифровываем «${l.file.name}»…`);
    const r = await readOne(l.file, passphrase).catch((e: unknown): FileReading => ({ kind: 'refused', fileName: l.file.name, message: `Файл не прочитан: ${e instanceof Error ? e.message : String(e)}` }));
    setReading(null);
    if ('kind' in r) {
      setLocked((list) => list.filter((x) => x.key !== l.key));
      setReadings((list) => [...list, r]);
    } else setLocked((list) => list.map((x) => (x.key === l.key ? { ...x, message: r.message } : x)));
  };

  const skip = (l: Locked) => {
    setLocked((list) => list.filter((x) => x.key !== l.key));
    setReadings((list) => [...list, refusedFile(l.file.name, { kind: 'passphraseRequired' })]);
  };

  const clear = () => {
    setReadings([]);
    setLocked([]);
    setOpen(null);
    show('Сводка очищена');
  };

  const sheets = () => summarySheets(summary, { today, columns: columns.list });
  const base = `Сводка_по_школам_${today}`;
  const used = summary.files.filter((f) => f.status === 'used').length;
  const notUsed = summary.files.length - used;

  return (
    <Page title="Сводка по школам" backTo="/more">
      <p>
        Показатели мониторинга нескольких школ в одной таблице — для муниципалитета. Выберите файлы «Вся школа», которые школы сохранили в разделе «Обмен» (можно
        сразу много; зашифрованные попросят свою парольную фразу).
      </p>
      <div className="notice" role="note" id={`${id}-kept`}>
        <strong>На этом устройстве ничего не сохраняется.</strong> Файлы школ только читаются: в базу этого устройства и в его школу ничего не попадает. Сводка
        (только числа показателей) живёт, пока открыта эта страница, и исчезает, когда вы уйдёте с неё или закроете приложение; парольные фразы не запоминаются.
        Останутся только файлы XLSX и CSV, которые вы скачаете.
      </div>

      <div className="field">
        <label htmlFor={`${id}-files`}>Файлы школ</label>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          accept=".json,.gz,.zip,.nastavnik,.txt,application/json,application/gzip,application/zip,application/octet-stream,text/plain"
          aria-describedby={`${id}-files-hint ${id}-kept`}
          disabled={reading !== null}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length) void addFiles(files);
          }}
        />
        <p className="field-hint" id={`${id}-files-hint`}>
          .json.gz, .zip или зашифрованный .nastavnik. Можно добавлять файлы ещё: сводка дополнится; из двух файлов одной школы берётся более новый.
        </p>
      </div>
      {reading && (
        <p className="muted" role="status" aria-live="polite">
          {reading}
        </p>
      )}

      {locked.map((l) => (
        <PassphraseForm key={l.key} locked={l} disabled={reading !== null} onOpen={(p) => void unlock(l, p)} onSkip={() => skip(l)} />
      ))}

      {summary.files.length > 0 && (
        <>
          <section className="card-section" aria-labelledby={`${id}-files-h`}>
            <h2 id={`${id}-files-h`}>Файлы</h2>
            <p>
              Прочитано {plural(summary.files.length, { one: 'файл', few: 'файла', many: 'файлов' })}: в сводке {plural(summary.schools.length, { one: 'школа', few: 'школы', many: 'школ' })}
              {notUsed > 0 ? `, не учтено ${plural(notUsed, { one: 'файл', few: 'файла', many: 'файлов' })}` : ''}.
            </p>
            <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
              {summary.files.map((f, i) => (
                <li key={i} className={`notice${f.status === 'refused' ? ' notice-error' : f.status === 'used' ? (f.messages.length ? ' notice-warn' : ' notice-ok') : ' notice-warn'}`}>
                  <strong>{f.fileName}</strong>
                  {f.schoolName ? ` — ${f.schoolName}` : ''}: {FILE_STATUS_LABELS[f.status]}
                  {f.createdAt ? ` (сохранён ${formatDateTime(f.createdAt)})` : ''}.
                  {f.messages.map((m, j) => (
                    <span key={j} className="pre-line" style={{ display: 'block', marginTop: 4 }}>
                      {m}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </section>

          {summary.schools.length > 0 && (
            <>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => {
                    setBusy(true);
                    void reportXlsx(sheets())
                      .then((blob) => saveFile(blob, `${base}.xlsx`, { title: 'Сводка по школам' }))
                      .then((o) => o !== 'cancelled' && show('Сводка сохранена'))
                      .finally(() => setBusy(false));
                  }}
                >
                  {busy ? 'Готовим…' : 'Скачать XLSX'}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => void saveFile(new Blob([toCsv(sheets()[0]!.rows.slice(3))], { type: 'text/csv;charset=utf-8' }), `${base}.csv`)}
                >
                  Скачать CSV
                </button>
                <button type="button" className="button" onClick={clear}>
                  Очистить сводку
                </button>
              </div>

              <section aria-labelledby={`${id}-totals-h`}>
                <h2 id={`${id}-totals-h`}>Итоги по муниципалитету</h2>
                <p className="muted">{SHARE_RULE}</p>
                <TableScroll label="Таблица: итоги по муниципалитету">
                  <table className="preview report-table table-cards" role="table">
                    <thead role="rowgroup">
                      <tr role="row">
                        {['Показатель', 'Доля муниципалитета', 'Учтено (сумма)', 'Из (сумма)', 'Цель', 'Школы'].map((c) => (
                          <th key={c} scope="col" role="columnheader">
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody role="rowgroup">
                      {summary.totals.map((t) => (
                        <tr key={t.id} role="row">
                          <td role="cell" data-label="Показатель">
                            {t.title}
                          </td>
                          <td role="cell" data-label="Доля муниципалитета">
                            {pctText(t.share)}
                          </td>
                          <td role="cell" data-label="Учтено (сумма)">
                            {t.numerator.toLocaleString('ru-RU')}
                          </td>
                          <td role="cell" data-label="Из (сумма)">
                            {t.denominator.toLocaleString('ru-RU')}
                          </td>
                          <td role="cell" data-label="Цель">
                            {t.target === null ? 'у школ разные' : pctText(t.target)}
                          </td>
                          <td role="cell" data-label="Школы">
                            {statusCount(t)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>

              <section aria-labelledby={`${id}-schools-h`}>
                <h2 id={`${id}-schools-h`}>По школам</h2>
                <TableScroll label="Таблица: показатели по школам">
                  <table className="preview report-table table-cards" role="table">
                    <thead role="rowgroup">
                      <tr role="row">
                        <th scope="col" role="columnheader">
                          Школа
                        </th>
                        <th scope="col" role="columnheader">
                          Данные на
                        </th>
                        {summary.totals.map((t) => (
                          <th key={t.id} scope="col" role="columnheader">
                            {t.title}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody role="rowgroup">
                      {summary.schools.map((s) => (
                        <tr key={s.schoolId} role="row">
                          <td role="cell" data-label="Школа">
                            <button type="button" className="link-button" style={{ textAlign: 'left' }} onClick={() => setOpen(s)} aria-label={`Показатели школы «${s.schoolName}»`}>
                              {s.schoolName}
                            </button>
                          </td>
                          <td role="cell" data-label="Данные на">
                            {formatRuDate(s.asOf)}
                          </td>
                          {summary.totals.map((t) => {
                            const i = s.indicators.find((x) => x.id === t.id);
                            return (
                              <td key={t.id} role="cell" data-label={t.title}>
                                {i ? (
                                  <span>
                                    {pctText(i.value)} ({i.numerator} из {i.denominator}) <span className={`badge ${BADGE[i.status]}`} style={{ whiteSpace: 'nowrap' }}>
                                      {STATUS_LABELS[i.status]}
                                    </span>
                                  </span>
                                ) : (
                                  '—'
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>

              {open && <SchoolDrill school={open} headingRef={drillHeading} onClose={() => setOpen(null)} />}
            </>
          )}
        </>
      )}

      <details className="card-section">
        <summary>Колонки XLSX и CSV: {columns.from ? `из файла «${columns.from}»` : 'стандартные'} ({columns.list.length})</summary>
        <p>
          Колонки — это список в файле JSON: у каждой «id», «header» (заголовок) и откуда значение — поле школы («school»: name, academicYear, asOf, createdAt,
          fileName, formatVersion, deviceName) или поле показателя («indicator» и «field»: value, numerator, denominator, target, status, deadline, missingCount).
          Так муниципалитет подстраивает сводку под свою форму без программиста.
        </p>
        <div className="field">
          <label htmlFor={`${id}-columns`}>Свой список колонок (JSON)</label>
          <input
            id={`${id}-columns`}
            type="file"
            accept=".json,application/json"
            aria-describedby={columnsProblem ? `${id}-columns-problem` : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              void f.text().then((text) => {
                let json: unknown;
                try {
                  json = JSON.parse(text);
                } catch {
                  setColumnsProblem(`«${f.name}» — не JSON.`);
                  return;
                }
                const r = parseSummaryColumns(json);
                if (r.ok) {
                  setColumns({ list: r.columns, from: f.name });
                  setColumnsProblem(null);
                } else setColumnsProblem(r.message);
              });
            }}
          />
          {columnsProblem && (
            <p className="field-error" id={`${id}-columns-problem`} role="alert">
              {columnsProblem}
            </p>
          )}
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            onClick={() => void saveFile(new Blob([`${JSON.stringify(columns.list, null, 2)}\n`], { type: 'application/json' }), 'Колонки_сводки.json')}
          >
            Скачать список колонок
          </button>
          {columns.from && (
            <button type="button" className="button button-small" onClick={() => setColumns({ list: DEFAULT_SUMMARY_COLUMNS, from: null })}>
              Вернуть стандартные
            </button>
          )}
        </div>
      </details>
    </Page>
  );
}

function PassphraseForm({ locked, disabled, onOpen, onSkip }: { locked: Locked; disabled: boolean; onOpen: (p: string) => void; onSkip: () => void }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="form card-section"
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase) onOpen(passphrase);
      }}
    >
      <div className={`field${locked.message ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-pass`}>Парольная фраза файла «{locked.file.name}»</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="off"
          value={passphrase}
          aria-invalid={!!locked.message}
          aria-describedby={locked.message ? `${id}-pass-error` : `${id}-pass-hint`}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {locked.message ? (
          <p className="field-error" id={`${id}-pass-error`} role="alert">
            {locked.message}
          </p>
        ) : (
          <p className="field-hint" id={`${id}-pass-hint`}>
            Файл зашифрован. Фразу задала школа, когда сохраняла его; здесь она не запоминается.
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onSkip}>
          Пропустить файл
        </button>
        <button type="submit" className="button button-primary" disabled={!passphrase || disabled}>
          Открыть файл
        </button>
      </div>
    </form>
  );
}

function SchoolDrill({ school, headingRef, onClose }: { school: SchoolSummary; headingRef: RefObject<HTMLHeadingElement | null>; onClose: () => void }) {
  const [head, ...rows] = schoolIndicatorRows(school);
  const columns = (head ?? []).map(String);
  return (
    <section className="card-section" aria-labelledby="summary-drill-h">
      <h2 id="summary-drill-h" ref={headingRef} tabIndex={-1}>
        {school.schoolName}
      </h2>
      <p>
        {school.academicYear} учебный год; данные на {formatRuDate(school.asOf)}. Файл «{school.fileName}» сохранён {formatDateTime(school.createdAt)} на устройстве «
        {school.deviceName || 'без названия'}»{school.formatVersion < 4 ? `, формат ${school.formatVersion}` : ''}. В файле{' '}
        {plural(school.counts.people, { one: 'участник', few: 'участника', many: 'участников' })},{' '}
        {plural(school.counts.mentorships, { one: 'пара или группа', few: 'пары и группы', many: 'пар и групп' })},{' '}
        {plural(school.counts.partners, { one: 'партнёр', few: 'партнёра', many: 'партнёров' })}.
      </p>
      <SheetTable label={`показатели школы «${school.schoolName}»`} columns={columns} rows={rows} />
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          Закрыть
        </button>
      </div>
    </section>
  );
}
