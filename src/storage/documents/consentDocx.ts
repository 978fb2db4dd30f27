import type { Paragraph } from 'docx';
import type { ConsentDocument } from '../../domain/consentDocument';
import { FIRST_LINE, TEXT_WIDTH, emptyLine, loadDocx, makeDocument, packDocx, type Docx } from './docxCommon';

/** The consent form in the same layout as the print view (exported for tests). */
export function consentBody(docx: Docx, doc: ConsentDocument): Paragraph[] {
  const { Paragraph, TextRun, AlignmentType, TabStopType } = docx;
  const justified = (children: InstanceType<Docx['TextRun']>[]) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { after: 60 }, children });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, bold: true })] }),
    emptyLine(docx),
    new Paragraph({ indent: { firstLine: FIRST_LINE }, children: [new TextRun(doc.intro)] }),
    ...doc.identity.map((line) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun(line)] })),
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 60, after: 60 }, children: [new TextRun(doc.body)] }),
    ...doc.clauses.map((c, i) => justified([new TextRun({ text: `${i + 1}. ${c.heading}: `, bold: true }), new TextRun(c.text)])),
    justified([new TextRun(doc.closing)]),
    emptyLine(docx),
    emptyLine(docx),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [new TextRun(doc.dateText), new TextRun(`\t________________ / ${doc.signature.name} /`)],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [new TextRun({ text: `\t(${doc.signature.caption})`, size: 20 })],
    }),
  ];
}

export async function consentDocx(doc: ConsentDocument): Promise<Blob> {
  const docx = await loadDocx();
  return packDocx(docx, makeDocument(docx, `${doc.title} ${doc.subtitle}`, consentBody(docx, doc)));
}
