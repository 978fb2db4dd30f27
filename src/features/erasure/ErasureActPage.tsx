import { useParams } from 'react-router';
import { todayIso } from '../../domain/dates';
import { BLANK, erasureActDocument, erasureActFileName, erasureLogDocument, type ErasureActDocument, type ErasureLogDocument } from '../../domain/erasureAct';
import { signatureName } from '../../domain/orderPreparation';
import { erasureActDocx } from '../../storage/documents/erasureActDocx';
import { useSchool } from '../../data/hooks';
import { EmptyState, Page } from '../../ui/Page';
import { PaperTable, PrintActions } from '../../ui/Paper';
import { useErasureEntry } from './useErasureEntry';

const TITLE = 'Акт об уничтожении данных';
const BACK = '/erasures';

/** The act of destruction and, attached, the extract from the log of events: printed, signed and kept for three years. */
export function ErasureActPage() {
  const { id = '' } = useParams();
  const entry = useErasureEntry(id);
  const school = useSchool();
  if (school === undefined || entry === undefined) return <Page title={TITLE} backTo={BACK}>{null}</Page>;
  if (!entry)
    return (
      <Page title={TITLE} backTo={BACK}>
        <EmptyState title="Запись журнала не найдена">
          <p>Акт составляется по записи журнала уничтожения персональных данных. Запись хранится 3 года; откройте акт из журнала.</p>
        </EmptyState>
      </Page>
    );
  const op = { schoolName: school?.name ?? '' };
  const act = erasureActDocument(entry, op);
  const log = erasureLogDocument([entry], op, todayIso());
  return (
    <Page title={TITLE} backTo={BACK}>
      <PrintActions make={async () => ({ blob: await erasureActDocx(act, log), fileName: erasureActFileName(entry), title: `Акт ${act.numberText}` })} />
      <ErasureActPaper doc={act} />
      <ErasureLogPaper doc={log} attachmentTo={`Приложение к акту ${act.numberText} от ${act.dateText}`} />
    </Page>
  );
}

/** The act as it prints: the same model and the same layout as the DOCX. */
export function ErasureActPaper({ doc }: { doc: ErasureActDocument }) {
  return (
    <article className="paper" aria-label="Текст акта">
      <p className="paper-center paper-bold">{doc.organisation}</p>
      <p className="paper-center paper-bold paper-heading">{doc.heading}</p>
      <p className="paper-center paper-bold">{doc.title}</p>
      <p className="paper-line paper-gap">
        <span>{doc.dateText}</span>
        <span>{doc.numberText}</span>
      </p>
      {doc.clauses.map((c, i) => (
        <div key={c.label} className="paper-gap">
          <p className="paper-body">
            <b>
              {i + 1}. {c.label}:
            </b>{' '}
            {c.list ? null : c.value || BLANK}
          </p>
          {!c.value && c.hint && (
            <p>
              <small>({c.hint})</small>
            </p>
          )}
          {c.list && (
            <ul>
              {c.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {doc.notes.map((n) => (
        <p key={n} className="paper-indent paper-gap">
          {n}
        </p>
      ))}
      {doc.signatures.map((s, i) => (
        <p key={i} className="paper-line paper-sign">
          <span>{s.role}</span>
          <span>________________ {signatureName(s.name) || '________________'}</span>
        </p>
      ))}
    </article>
  );
}

/** The log extract as it prints, attached to the act or on its own. */
export function ErasureLogPaper({ doc, attachmentTo }: { doc: ErasureLogDocument; attachmentTo?: string }) {
  return (
    <article className="paper paper-gap" aria-label="Выгрузка из журнала" style={{ breakBefore: 'page' }}>
      {attachmentTo && <p className="paper-right">{attachmentTo}</p>}
      <p className="paper-center paper-bold paper-gap">{doc.organisation}</p>
      <p className="paper-center paper-bold paper-gap">{doc.heading}</p>
      <p className="paper-center">{doc.madeText}</p>
      <PaperTable columns={doc.table.columns} rows={doc.table.rows} label="Таблица выгрузки из журнала" />
      {doc.notes.map((n) => (
        <p key={n} className="paper-gap">
          <small>{n}</small>
        </p>
      ))}
    </article>
  );
}
