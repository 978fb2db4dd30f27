import { useState } from 'react';
import { saveFile } from './share';
import { useToasts } from './toastStore';

/**
 * A bordered table of a printed document (an order's list, a plan's items), as on paper. A table wider than a phone
 * scrolls sideways: give it a `label`, and its frame is a named region reachable from the keyboard (WCAG 2.1.1).
 */
export function PaperTable({ caption, columns, rows, label }: { caption?: string; columns: readonly string[]; rows: readonly (readonly string[])[]; label?: string }) {
  return (
    <div className="paper-table-wrap" {...(label ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      <table className="paper-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={n}>
              {r.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** «Скачать DOCX» and «Печать» above a printable document; `make` builds the file when asked. */
export function PrintActions({ make }: { make: () => Promise<{ blob: Blob; fileName: string; title: string }> }) {
  const [busy, setBusy] = useState(false);
  const show = useToasts((s) => s.show);
  const download = async () => {
    setBusy(true);
    try {
      const f = await make();
      const outcome = await saveFile(f.blob, f.fileName, { title: f.title });
      if (outcome === 'downloaded') show('Файл DOCX сохранён в загрузки');
    } catch {
      show('Не удалось подготовить файл DOCX');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="button-row print-actions no-print">
      <button type="button" className="button button-primary" onClick={() => void download()} disabled={busy} aria-busy={busy}>
        {busy ? 'Готовим файл…' : 'Скачать DOCX'}
      </button>
      <button type="button" className="button" onClick={() => window.print()}>
        Печать
      </button>
    </div>
  );
}
