import { tableLabel } from '../../domain/syncedTables';
import { dropSetAsideHere } from '../../storage/onThisDevice';
import { useSetAsideRecords, type SetAsideRow } from '../../data/exchange';
import { saveFile } from '../../ui/share';
import { fieldLabel } from './fieldLabels';

function titleOf(r: SetAsideRow): string {
  const rec = (r.record ?? {}) as Record<string, unknown>;
  const name = [rec.lastName && `${String(rec.lastName)} ${String(rec.firstName ?? '')}`.trim(), rec.title, rec.name, rec.topic].find(
    (x) => typeof x === 'string' && x,
  );
  return typeof name === 'string' ? name : r.recordId;
}

/**
 * Records an older version of the app stored that break their table's rules: the upgrade set them aside so that
 * this device's files stay acceptable everywhere. Shown only when there are some.
 */
export function SetAsideSection() {
  const rows = useSetAsideRecords();
  if (!rows?.length) return null;
  return (
    <section className="card-section" aria-labelledby="aside-h">
      <h2 id="aside-h">Отложенные записи</h2>
      <p className="muted">
        При обновлении приложения эти записи не прошли проверку и убраны из разделов, чтобы файлы обмена с этого устройства принимались
        везде. На других устройствах они могут быть в порядке и вернутся со следующим обменом. Сохраните запись в файл, если она нужна, и
        удалите её отсюда.
      </p>
      <ul className="list" aria-label="Отложенные записи">
        {rows.map((r) => (
          <li key={r.id} className="list-item">
            <span className="list-title">
              {tableLabel(r.table)}: {titleOf(r)}
            </span>
            <ul className="list-sub">
              {r.problems.map((p, i) => (
                <li key={i}>
                  {p.field ? `${fieldLabel(p.field.split('.')[0]!)}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
            <div className="button-row">
              <button
                type="button"
                className="button"
                onClick={() => void saveFile(new Blob([JSON.stringify(r.record, null, 2)], { type: 'text/plain' }), `Отложенная запись ${r.recordId}.txt`)}
              >
                Сохранить в файл
              </button>
              <button type="button" className="button" onClick={() => void dropSetAsideHere(r.id)}>
                Удалить отсюда
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
