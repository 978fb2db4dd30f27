import { useParams } from 'react-router';
import { todayIso } from '../../domain/dates';
import { personDataFileName, type PersonDataReport } from '../../domain/personDataReport';
import { personDataDocx } from '../../storage/documents/personDataDocx';
import { usePersonDataReport } from '../../data/erasure';
import { EmptyState, Page } from '../../ui/Page';
import { PrintActions } from '../../ui/Paper';

const TITLE = 'Какие данные хранятся';

/** Everything this device holds about one participant, to print or hand over as DOCX (the subject's right to know). */
export function PersonDataPage() {
  const { id = '' } = useParams();
  const back = `/people/${id}`;
  const today = todayIso();
  const data = usePersonDataReport(id, today);
  if (!data) return <Page title={TITLE} backTo={back}>{null}</Page>;
  const { doc, person } = data;
  if (!doc || !person)
    return (
      <Page title={TITLE} backTo={back}>
        <EmptyState title="Участник не найден">
          <p>Возможно, запись удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );
  return (
    <Page title={TITLE} backTo={back}>
      <PrintActions make={async () => ({ blob: await personDataDocx(doc), fileName: personDataFileName(person, today), title: `${TITLE}: ${doc.subject}` })} />
      <PersonDataPaper doc={doc} />
    </Page>
  );
}

function PersonDataPaper({ doc }: { doc: PersonDataReport }) {
  return (
    <article className="paper" aria-label="Какие данные хранятся">
      {doc.organisation && <p className="paper-center paper-bold">{doc.organisation}</p>}
      <p className="paper-center paper-bold paper-gap">{doc.heading}</p>
      <p className="paper-center">{doc.subject}</p>
      <p className="paper-center">{doc.madeText}</p>
      {doc.sections.map((s, i) => (
        <section key={s.title} aria-label={s.title}>
          <h2 className="paper-bold paper-gap" style={{ fontSize: 'inherit', margin: 0 }}>
            {i + 1}. {s.title}
          </h2>
          {s.items.map((item, n) => (
            <div key={n}>
              {item.heading && (
                <p className="paper-gap">
                  <i>{item.heading}</i>
                </p>
              )}
              <dl className="paper-facts" style={{ marginTop: '0.2em' }}>
                {item.fields.map(([k, v], j) => (
                  <div key={j}>
                    <dt>{k}:</dt> <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ))}
      {doc.notes.map((n) => (
        <p key={n} className="paper-gap">
          <small>{n}</small>
        </p>
      ))}
    </article>
  );
}
