import { TableScroll } from '../../ui/TableScroll';
import { useState } from 'react';
import type { ClassListCounts, ClassListRow } from '../../domain/classList';
import { formatRuDate } from '../../domain/dates';
import { fullName } from '../../domain/person';

const SHOWN = 200;

const statusText: Record<ClassListRow['status'], string> = {
  ok: 'Добавится',
  bad: 'Ошибка',
  duplicate: 'Дубликат',
};

/** A row as it will be stored; a bad row as the file has it, since there is nothing to store. */
function cellsOf(row: ClassListRow): [string, string, string] {
  if (row.person) return [fullName(row.person), row.person.classLabel, row.person.birthDate ? formatRuDate(row.person.birthDate) : ''];
  return [row.raw.name, row.raw.classLabel, row.raw.birthDate];
}

export function ImportCounts({ counts, willAdd }: { counts: ClassListCounts; willAdd: number }) {
  return (
    <p className="count" aria-live="polite" data-testid="import-counts">
      Будет добавлено: <strong>{willAdd}</strong> · с ошибками: <strong>{counts.bad}</strong> · дубликатов:{' '}
      <strong>{counts.duplicate}</strong>
    </p>
  );
}

export function ImportPreview({ rows, includeDuplicates }: { rows: readonly ClassListRow[]; includeDuplicates: boolean }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const hasProblems = rows.some((r) => r.status !== 'ok');
  const visible = onlyProblems ? rows.filter((r) => r.status !== 'ok') : rows;
  const shown = showAll ? visible : visible.slice(0, SHOWN);

  return (
    <section aria-label="Предпросмотр">
      {hasProblems && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> Только строки с
          ошибками и дубликатами
        </label>
      )}
      <TableScroll label="Строки файла">
        {/* On a phone each row is a card, its status on top (styles.css «Tables as cards»); a table for screen readers and print. */}
        <table className="preview table-cards" role="table">
          <caption className="visually-hidden">Строки файла так, как они будут сохранены</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                <abbr title="Номер строки в файле">Стр.</abbr>
              </th>
              <th scope="col" role="columnheader">ФИО</th>
              <th scope="col" role="columnheader">Класс</th>
              <th scope="col" role="columnheader">Дата рождения</th>
              <th scope="col" role="columnheader">Статус</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {shown.map((row) => {
              const [name, classLabel, birthDate] = cellsOf(row);
              const status = row.status === 'duplicate' && includeDuplicates ? 'Дубликат, добавится' : statusText[row.status];
              return (
                <tr
                  key={row.line}
                  role="row"
                  data-status={row.status}
                  className={row.status === 'bad' ? 'row-bad' : row.status === 'duplicate' ? 'row-dup' : undefined}
                >
                  <td role="cell" data-label="Строка" className="cell-aside">
                    {row.line}
                  </td>
                  <td role="cell" data-label="ФИО">
                    <div>
                      {name}
                      {/* The reason sits under the name, not in a last column that a phone scrolls out of view. */}
                      {row.errors.map((e) => (
                        <div key={e} className={row.status === 'bad' ? 'field-error' : 'field-hint'}>
                          {e}
                        </div>
                      ))}
                    </div>
                  </td>
                  <td role="cell" data-label="Класс">{classLabel}</td>
                  <td role="cell" data-label="Дата рождения">{birthDate}</td>
                  <td role="cell" data-label="Статус" className="cell-key">
                    {status}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {shown.length < visible.length && (
        <button type="button" className="button button-block" onClick={() => setShowAll(true)}>
          Показать все строки ({visible.length})
        </button>
      )}
    </section>
  );
}
