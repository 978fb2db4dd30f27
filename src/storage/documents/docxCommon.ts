import type { Paragraph, Table } from 'docx';

/** The `docx` module, loaded only when a document is generated, so the first screen does not pay for it. */
export type Docx = typeof import('docx');

export function loadDocx(): Promise<Docx> {
  return import('docx');
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 in twips, with the margins of Russian office paperwork (ГОСТ Р 7.0.97): left 3 cm, right 1.5 cm, 2 cm top and bottom. */
const MM = 56.6929;
export const PAGE = {
  width: 11906,
  height: 16838,
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
} as const;
/** The width text runs in: where a right tab stop puts the number or the signature. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Paragraph indent of 1.25 cm. */
export const FIRST_LINE = Math.round(12.5 * MM);

/** Times New Roman 14 pt (docx counts half-points), single spacing, no space after paragraphs unless asked. */
export const BODY_SIZE = 28;
export const TABLE_SIZE = 24;

export function makeDocument(docx: Docx, title: string, children: (Paragraph | Table)[]) {
  return new docx.Document({
    title,
    creator: 'Наставник',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: BODY_SIZE },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
}

/** A document as a Blob with the right MIME type; Packer works the same in the browser and in Node. */
export async function packDocx(docx: Docx, document: InstanceType<Docx['Document']>): Promise<Blob> {
  const blob = await docx.Packer.toBlob(document);
  return blob.type === DOCX_MIME ? blob : new Blob([blob], { type: DOCX_MIME });
}

export function emptyLine(docx: Docx): Paragraph {
  return new docx.Paragraph({ children: [] });
}

/** A table with thin black borders across the text width; `shares` of the width per column; the first column centred. */
export function borderedTable(docx: Docx, table: { columns: readonly string[]; rows: readonly (readonly string[])[] }, shares: readonly number[]): Table {
  const { Table, TableRow, TableCell, Paragraph, TextRun, WidthType, BorderStyle, AlignmentType } = docx;
  const widths = shares.map((s) => Math.round(s * TEXT_WIDTH));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: TABLE_SIZE })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c, i, true)) }),
      ...table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
