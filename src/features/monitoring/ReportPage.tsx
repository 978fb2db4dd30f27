import { useState } from 'react';
import { toCsv, type ReportSheet } from '../../domain/report';
import { Page } from '../../ui/Page';
import { saveFile } from '../../ui/share';
import { useToasts } from '../../ui/toastStore';
import { useMonitoring } from './useMonitoring';
import { reportXlsx } from '../../ui/reportXlsx';
import { PartialSchoolNotice } from '../../ui/PartialSchoolNotice';
import { SheetTable } from '../../ui/SheetTable';

/** Rows a sheet shows on the page until asked for all: a big school's meeting log is thousands of rows. */
const SHOWN_ROWS = 50;

/** A sheet's column names (its fourth row), as text: the table's header and each cell's label on a phone. */
const header = (s: ReportSheet) => (s.rows[3] ?? []).map((c) => String(c ?? ''));

const slug = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40);

/** The monitoring report: XLSX for the municipality, a printable page, CSV of each list. */
export function ReportPage() {
  const m = useMonitoring();
  const show = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  if (!m) return <Page title="Отчёт мониторинга" backTo="/monitoring">{null}</Page>;
  const sheets = m.report();
  const base = `Мониторинг_${slug(m.school.name)}_${m.today}`;

  return (
    <Page title="Отчёт мониторинга" backTo="/monitoring">
      <PartialSchoolNotice what="отчёт посчитан только по парам и людям этого телефона; отправлять его в муниципалитет нельзя" />
      <div className="button-row no-print">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void reportXlsx(sheets)
              .then((blob) => saveFile(blob, `${base}.xlsx`, { title: 'Отчёт мониторинга' }))
              .then((o) => o !== 'cancelled' && show('Отчёт сохранён'))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Готовим…' : 'Скачать XLSX'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            // Paper gets every row: open all sheets, then print once they are drawn.
            setExpanded(new Set(sheets.map((x) => x.name)));
            setTimeout(() => window.print(), 100);
          }}
        >
          Печать
        </button>
      </div>
      {sheets.map((s) => {
        const columns = header(s);
        return (
          <section key={s.name} className="report-sheet" aria-label={s.name}>
            <h2>{s.name}</h2>
            <button
              type="button"
              className="button button-small no-print"
              onClick={() => void saveFile(new Blob([toCsv(s.rows.slice(3))], { type: 'text/csv;charset=utf-8' }), `${base}_${slug(s.name)}.csv`)}
            >
              CSV: {s.name}
            </button>
            <SheetTable label={s.name} columns={columns} rows={s.rows.slice(4, expanded.has(s.name) ? undefined : 4 + SHOWN_ROWS)} />
            {s.rows.length <= 4 && <p className="muted">Данных пока нет.</p>}
            {s.rows.length - 4 > SHOWN_ROWS && !expanded.has(s.name) && (
              <p className="muted">
                Показаны первые {SHOWN_ROWS} строк из {s.rows.length - 4}; целиком — в XLSX и CSV.{' '}
                <button type="button" className="link-button no-print" onClick={() => setExpanded(new Set([...expanded, s.name]))}>
                  Показать все
                </button>
              </p>
            )}
          </section>
        );
      })}
    </Page>
  );
}
