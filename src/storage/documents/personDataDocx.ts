import type { Paragraph, Table } from 'docx';
import type { PersonDataReport } from '../../domain/personDataReport';
import { TABLE_SIZE, emptyLine, loadDocx, makeDocument, packDocx, type Docx } from './docxCommon';

/** «Какие данные хранятся» as `docx` objects: a heading per section, each record's fields as «label: value» lines, as a plan's facts (exported for tests). */
export function personDataBody(docx: Docx, doc: PersonDataReport): (Paragraph | Table)[] {
  const { Paragraph, TextRun, AlignmentType } = docx;
  const out: (Paragraph | Table)[] = [];
  if (doc.organisation) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.organisation, bold: true })] }), emptyLine(docx));
  out.push(
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.heading, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.subject)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.madeText)] }),
  );
  doc.sections.forEach((s, i) => {
    out.push(emptyLine(docx), new Paragraph({ keepNext: true, children: [new TextRun({ text: `${i + 1}. ${s.title}`, bold: true })] }));
    for (const item of s.items) {
      if (item.heading) out.push(new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: item.heading, italics: true })] }));
      for (const [k, v] of item.fields) out.push(new Paragraph({ indent: { left: 240 }, children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] }));
    }
  });
  out.push(emptyLine(docx), ...doc.notes.map((n) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: n, size: TABLE_SIZE })] })));
  return out;
}

export async function personDataDocx(doc: PersonDataReport): Promise<Blob> {
  const docx = await loadDocx();
  return packDocx(docx, makeDocument(docx, `${doc.heading}: ${doc.subject}`, personDataBody(docx, doc)));
}
