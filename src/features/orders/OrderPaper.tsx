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
      {doc.table && (
        <div className="paper-table-wrap">
          <table className="paper-table">
            <caption>{doc.table.caption}</caption>
            <thead>
              <tr>
                {doc.table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {doc.table.rows.map((r) => (
                <tr key={r[0]}>
                  {r.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="paper-line paper-sign">
        <span>{doc.signature.role}</span>
        <span>________________ {signatureName(doc.signature.name) || '________________'}</span>
      </p>
    </article>
  );
}
