import type { Paragraph, Table } from 'docx';
import type { PlanDocument } from '../../domain/planDocument';
import { TEXT_WIDTH, borderedTable, emptyLine, loadDocx, makeDocument, packDocx, type Docx } from './docxCommon';

/** Column shares of the plan's table: №, what, due, the mark of completion. */
const COLUMN_SHARES = [0.07, 0.45, 0.16, 0.32];

/** The plan as `docx` objects (exported for tests). */
export function planBody(docx: Docx, doc: PlanDocument): (Paragraph | Table)[] {
  const { Paragraph, TextRun, AlignmentType, TabStopType } = docx;
  const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  const out: (Paragraph | Table)[] = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.organisation, bold: true })] })];
  if (doc.approval) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(doc.approval)] }));
  out.push(
    emptyLine(docx),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.heading, bold: true })] }),
    emptyLine(docx),
    ...doc.facts.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
    emptyLine(docx),
    borderedTable(docx, doc.table, COLUMN_SHARES),
    new Paragraph({ children: [new TextRun(doc.progress)] }),
    emptyLine(docx),
    ...doc.signatures.map(
      (s) => new Paragraph({ tabStops: rightTab, spacing: { before: 240 }, children: [new TextRun(`${s.role}: ${s.name}`), new TextRun('\t________________')] }),
    ),
  );
  return out;
}

/** The plan as a DOCX file. */
export async function planDocx(doc: PlanDocument): Promise<Blob> {
  const docx = await loadDocx();
  return packDocx(docx, makeDocument(docx, doc.heading, planBody(docx, doc)));
}
