import { Link } from 'react-router';
import { todayIso } from '../../domain/dates';
import { erasureLogDocument } from '../../domain/erasureAct';
import { erasureJournalRows, erasureLogFileName } from '../../domain/erasureRequest';
import { erasureLogDocx } from '../../storage/documents/erasureActDocx';
import { useSchool } from '../../data/hooks';
import { useErasureLog } from '../../data/erasure';
import { EmptyState, Page } from '../../ui/Page';
import { PrintActions } from '../../ui/Paper';
import { ErasureLogPaper } from './ErasureActPage';

const TITLE = 'Журнал уничтожения персональных данных';

/**
 * This device's log of erasures (kept three years): each destruction with its act, and the extract from the log of
 * all of them, on screen, in print and as DOCX.
 */
export function ErasureLogPage() {
  const log = useErasureLog();
  const school = useSchool();
  if (log === undefined || school === undefined) return <Page title={TITLE} backTo="/more">{null}</Page>;
  if (!log.length)
    return (
      <Page title={TITLE} backTo="/more">
        <EmptyState title="Записей пока нет">
          <p>
            Здесь появится каждое уничтожение персональных данных — с карточки участника («Уничтожить персональные данные») или по записи, полученной в
            файле обмена. Записи и акты хранятся 3 года.
          </p>
        </EmptyState>
      </Page>
    );
  const rows = erasureJournalRows(log);
  const extract = erasureLogDocument(log, { schoolName: school?.name ?? '' }, todayIso());
  return (
    <Page title={TITLE} backTo="/more">
      <p className="muted no-print">Записи хранятся 3 года с даты уничтожения, потом удаляются сами.</p>
      <ul className="list no-print" aria-label="Записи журнала">
        {rows.map((r) => (
          <li key={r.id} className="list-item">
            <span className="list-title">
              {r.date} — {r.subject}
            </span>
            <span className="list-sub">Причина: {r.reason}</span>
            <Link to={`/erasures/${r.id}/act`} aria-label={`Акт об уничтожении: ${r.subject}, ${r.date}`}>
              Акт об уничтожении
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="no-print">Выгрузка из журнала</h2>
      <PrintActions make={async () => ({ blob: await erasureLogDocx(extract), fileName: erasureLogFileName(todayIso()), title: 'Выгрузка из журнала' })} />
      <ErasureLogPaper doc={extract} />
    </Page>
  );
}
