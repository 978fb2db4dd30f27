import { TableScroll } from './TableScroll';

export type SheetCell = string | number | Date | null;

/** A cell of a report's sheet as the screen shows it: dates and numbers in Russian, nothing for an empty cell. */
export function sheetCellText(c: SheetCell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toLocaleDateString('ru-RU', { timeZone: 'UTC' });
  return typeof c === 'number' ? c.toLocaleString('ru-RU') : c;
}

/**
 * A sheet of the report (or of the municipality's summary) on screen: a table that is a card per row on a phone,
 * every cell under its column's name (styles.css «Tables as cards»), «Статус» heading the card.
 */
export function SheetTable({ label, columns, rows }: { label: string; columns: readonly string[]; rows: readonly (readonly SheetCell[])[] }) {
  return (
    <TableScroll label={`Таблица: ${label}`}>
      <table className="preview report-table table-cards" role="table">
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c, i) => (
              <th key={i} scope="col" role="columnheader">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, r) => (
            <tr key={r} role="row">
              {row.map((c, i) => (
                <td key={i} role="cell" data-label={columns[i] ?? ''} className={columns[i] === 'Статус' ? 'cell-key' : undefined}>
                  {sheetCellText(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
