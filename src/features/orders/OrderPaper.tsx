import { PaperTable } from '../../ui/Paper';
import type { OrderDocument } from '../../domain/orderDocument';
import { preambleText, signatureName } from '../../domain/orderPreparation';

/** The order as it prints: the same model and the same layout as the DOCX. */
export function OrderPaper({ doc }: { doc: OrderDocument }) {
  return (
    <article className="paper" aria-label="Текст приказа">
      <p className="paper-center paper-bold">{doc.organisation}</p>
      <p className="paper-center paper-bold paper-heading">{doc.heading}</p>
      <p className="paper-line">
        <span>{doc.dateText}</span>
        <span>{doc.numberText}</span>
      </p>
      {doc.place && <p className="paper-center">{doc.place}</p>}
      <p className="paper-bold paper-gap">{doc.title}</p>
      <p className="paper-indent paper-gap">{preambleText(doc.preamble)}</p>
      <p className="paper-bold paper-gap">ПРИКАЗЫВАЮ:</p>
      <ol className="paper-orders">
        {doc.orders.map((text) => (
          <li key={text} className="paper-indent">
            {text}
          </li>
        ))}
      </ol>
      {doc.table && <PaperTable caption={doc.table.caption} columns={doc.table.columns} rows={doc.table.rows} />}
      <p className="paper-line paper-sign">
        <span>{doc.signature.role}</span>
        <span>________________ {signatureName(doc.signature.name) || '________________'}</span>
      </p>
    </article>
  );
}
