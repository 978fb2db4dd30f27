import type { Paragraph, Table } from 'docx';
import { BLANK, type ErasureActDocument, type ErasureLogDocument } from '../../domain/erasureAct';
import { signatureName } from '../../domain/orderPreparation';
import { FIRST_LINE, TABLE_SIZE, TEXT_WIDTH, borderedTable, emptyLine, loadDocx, makeDocument, packDocx, type Docx } from './docxCommon';

/** Column shares of the log extract: №, subject, categories, system, reason, date. */
const LOG_SHARES = [0.06, 0.2, 0.28, 0.16, 0.17, 0.13];

/** The act in the layout of the app's orders, as `docx` objects (exported for tests). */
export function erasureActBody(docx: Docx, doc: ErasureActDocument): (Paragraph | Table)[] {
  const { Paragraph, TextRun, AlignmentType, TabStopType } = docx;
  const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.organisation, bold: true })] }),
    emptyLine(docx),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.heading, bold: true, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true })] }),
    emptyLine(docx),
    new Paragraph({ tabStops: rightTab, children: [new TextRun(doc.dateText), new TextRun(`\t${doc.numberText}`)] }),
    emptyLine(docx),
  ];
  doc.clauses.forEach((c, i) => {
    const head = `${i + 1}. ${c.label}: `;
    if (c.list) {
      out.push(new Paragraph({ keepNext: true, indent: { firstLine: FIRST_LINE }, children: [new TextRun({ text: head.trimEnd(), bold: true })] }));
      for (const item of c.list) out.push(new Paragraph({ indent: { left: FIRST_LINE }, children: [new TextRun(`— ${item}`)] }));
      return;
    }
    out.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE },
        children: [new TextRun({ text: head, bold: true }), new TextRun(c.value || BLANK)],
      }),
    );
    if (!c.value && c.hint)
      out.push(new Paragraph({ indent: { left: FIRST_LINE }, children: [new TextRun({ text: `(${c.hint})`, size: TABLE_SIZE - 4, italics: true })] }));
  });
  out.push(emptyLine(docx), ...doc.notes.map((n) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, children: [new TextRun(n)] })));
  out.push(emptyLine(docx));
  for (const s of doc.signatures)
    out.push(
      new Paragraph({
        tabStops: rightTab,
        spacing: { before: 480 },
        children: [new TextRun(s.role), new TextRun(`\t________________ ${signatureName(s.name) || '________________'}`)],
      }),
    );
  return out;
}

/** The log extract: its heading, the table of destructions, the note on keeping (exported for tests). */
export function erasureLogBody(docx: Docx, doc: ErasureLogDocument, opts: { attachmentTo?: string } = {}): (Paragraph | Table)[] {
  const { Paragraph, TextRun, AlignmentType } = docx;
  const out: (Paragraph | Table)[] = [];
  if (opts.attachmentTo) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(opts.attachmentTo)] }), emptyLine(docx));
  out.push(
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.organisation, bold: true })] }),
    emptyLine(docx),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: doc.heading, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.madeText)] }),
    emptyLine(docx),
    borderedTable(docx, doc.table, LOG_SHARES),
    emptyLine(docx),
    ...doc.notes.map((n) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: n, size: TABLE_SIZE })] })),
  );
  return out;
}

/** The act with the log extract attached on a page of its own: one file to print, sign and keep. */
export async function erasureActDocx(act: ErasureActDocument, log: ErasureLogDocument): Promise<Blob> {
  const docx = await loadDocx();
  const pageBreak = new docx.Paragraph({ children: [new docx.PageBreak()] });
  const body = [...erasureActBody(docx, act), pageBreak, ...erasureLogBody(docx, log, { attachmentTo: `Приложение к акту ${act.numberText} от ${act.dateText}` })];
  return packDocx(docx, makeDocument(docx, `Акт ${act.numberText} об уничтожении персональных данных`, body));
}

/** The log extract alone (several destructions over a period). */
export async function erasureLogDocx(log: ErasureLogDocument): Promise<Blob> {
  const docx = await loadDocx();
  return packDocx(docx, makeDocument(docx, log.heading, erasureLogBody(docx, log)));
}
