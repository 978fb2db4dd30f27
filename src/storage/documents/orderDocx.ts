import type { Paragraph, Table } from 'docx';
import type { OrderDocument } from '../../domain/orderDocument';
import { preambleText, signatureName } from '../../domain/orderPreparation';
import { FIRST_LINE, TEXT_WIDTH, borderedTable, emptyLine, loadDocx, makeDocument, packDocx, type Docx } from './docxCommon';

/** Column shares of the pairs table: №, form, mentor(s), mentee(s). */
const COLUMN_SHARES = [0.07, 0.25, 0.34, 0.34];

/** The order in the usual official layout, as `docx` objects (exported for tests). */
export function orderBody(docx: Docx, doc: OrderDocument): (Paragraph | Table)[] {
  const { Paragraph, TextRun, AlignmentType, TabStopType } = docx;
  const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  const justified = (text: string, opts: { indent?: boolean; bold?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: opts.indent === false ? undefined : { firstLine: FIRST_LINE },
      children: [new TextRun({ text, bold: opts.bold })],
    });
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.organisation, bold: true })] }),
    emptyLine(docx),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.heading, bold: true, size: 32 })] }),
    emptyLine(docx),
    new Paragraph({ tabStops: rightTab, children: [new TextRun(doc.dateText), new TextRun(`\t${doc.numberText}`)] }),
  ];
  if (doc.place) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.place)] }));
  out.push(
    emptyLine(docx),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: doc.title, bold: true })] }),
    emptyLine(docx),
    justified(preambleText(doc.preamble)),
    emptyLine(docx),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: 'ПРИКАЗЫВАЮ:', bold: true })] }),
    ...doc.orders.map((text, i) => justified(`${i + 1}. ${text}`)),
  );
  if (doc.table) {
    out.push(
      emptyLine(docx),
      new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: doc.table.caption, bold: true })] }),
      borderedTable(docx, doc.table, COLUMN_SHARES),
    );
  }
  out.push(
    emptyLine(docx),
    emptyLine(docx),
    new Paragraph({
      tabStops: rightTab,
      children: [new TextRun(doc.signature.role), new TextRun(`\t________________ ${signatureName(doc.signature.name) || '________________'}`)],
    }),
  );
  return out;
}

/** The order as a DOCX file. */
export async function orderDocx(doc: OrderDocument): Promise<Blob> {
  const docx = await loadDocx();
  return packDocx(docx, makeDocument(docx, `Приказ ${doc.numberText} — ${doc.title}`, orderBody(docx, doc)));
}
