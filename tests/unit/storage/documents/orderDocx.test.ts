import { describe, expect, it } from 'vitest';
import { orderDocument, type OrderContext } from '../../../../src/domain/orderDocument';
import { orderInputSchema } from '../../../../src/domain/order.schema';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';
import { orderDocx } from '../../../../src/storage/documents/orderDocx';
import { consentDocx } from '../../../../src/storage/documents/consentDocx';
import { DOCX_MIME, PAGE } from '../../../../src/storage/documents/docxCommon';
import { consentDocument } from '../../../../src/domain/consentDocument';
import { readDocx } from '../../docxText';

const people = new Map([
  ['t1', { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', classLabel: '', category: 'teacher' as const }],
  ['s1', { lastName: 'Семёнов', firstName: 'Пётр', middleName: '', classLabel: '7Б', category: 'student' as const }],
  ['s2', { lastName: 'Ли', firstName: 'Анна', middleName: '', classLabel: '7Б', category: 'student' as const }],
  ['t2', { lastName: 'Орлов', firstName: 'Олег', middleName: 'Ильич', classLabel: '', category: 'teacher' as const }],
]);
const ctx: OrderContext = {
  schoolName: 'МКОУ СОШ № 2 с. п. Кахун',
  directorName: 'Гетокова Рита Юрьевна',
  curatorName: 'Иванову М. П.',
  academicYear: '2025/2026',
  mentorships: [
    { id: 'm1', ...mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: ['t1'], menteeIds: ['s1'], status: 'active' }) },
    { id: 'm2', ...mentorshipInputSchema.parse({ formId: 'teacher-teacher', mentorIds: ['t2'], menteeIds: ['s2', 's1'], status: 'active' }) },
  ],
  people,
  formNames: new Map([
    ['teacher-student', 'Учитель – ученик'],
    ['teacher-teacher', 'Учитель – учитель & молодой специалист'],
  ]),
};

describe('the order as DOCX', () => {
  const order = orderInputSchema.parse({
    kind: 'approvePlans',
    number: '112-од',
    date: '2025-11-25',
    title: 'Об утверждении индивидуальных планов наставнических пар/групп',
    mentorshipIds: ['m1', 'm2'],
  });

  it('is a zip with word/document.xml that holds the number, date, title, pairs and signature', async () => {
    const blob = await orderDocx(orderDocument(order, ctx));
    expect(blob.type).toBe(DOCX_MIME);
    const { text, documentXml } = await readDocx(blob);
    expect(text).toContain('МКОУ СОШ № 2 с. п. Кахун');
    expect(text).toContain('ПРИКАЗ');
    // Date left, number right: one paragraph, split by a right tab stop.
    expect(text).toContain('25 ноября 2025 г.\t№ 112-од');
    expect(documentXml).toMatch(/<w:tab w:val="right" w:pos="9355"\/>/);
    expect(text).toContain('Об утверждении индивидуальных планов наставнических пар/групп');
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(text).toContain('1. Утвердить индивидуальные планы наставнических пар/групп (2) согласно списку.');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain('Семёнов Пётр, 7Б');
    expect(text).toContain('Ли Анна, 7Б; Семёнов Пётр, 7Б');
    // Text is escaped, not broken, by XML's special characters.
    expect(text).toContain('Учитель – учитель & молодой специалист');
    expect(text).toContain('Директор\t________________ Р. Ю. Гетокова');
  });

  it('has a bordered table of pairs with a header row and one row per pair', async () => {
    const { documentXml } = await readDocx(await orderDocx(orderDocument(order, ctx)));
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(documentXml.match(/<w:tr>|<w:tr /g)).toHaveLength(3);
    expect(documentXml).toMatch(/<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    expect(documentXml).toContain('<w:tblHeader/>');
  });

  it('sets A4 with margins 2 / 1.5 / 2 / 3 cm and Times New Roman 14 pt', async () => {
    const { parts, documentXml } = await readDocx(await orderDocx(orderDocument(order, ctx)));
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toContain(`w:top="${PAGE.top}"`);
    expect(documentXml).toContain(`w:left="${PAGE.left}"`);
    expect(documentXml).toContain(`w:right="${PAGE.right}"`);
    expect([PAGE.top, PAGE.right, PAGE.left]).toEqual([1134, 850, 1701]);
    const styles = parts['word/styles.xml'] ?? '';
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('writes «О закреплении наставнических пар/групп» the same way', async () => {
    const fix = orderInputSchema.parse({ ...order, kind: 'fixMentorships', number: '98-од', title: 'О закреплении наставнических пар/групп' });
    const { text } = await readDocx(await orderDocx(orderDocument(fix, ctx)));
    expect(text).toContain('\t№ 98-од');
    expect(text).toContain('1. Закрепить наставнические пары/группы (2) согласно списку.');
    expect(text).toContain('Орлов Олег Ильич');
  });

  it('leaves a blank for the signature when the director is not named', async () => {
    const { text } = await readDocx(await orderDocx(orderDocument(order, { ...ctx, directorName: '' })));
    expect(text).toContain('Директор\t________________ ________________');
  });
});

describe('the consent as DOCX', () => {
  it('holds the participant, the representative and the school', async () => {
    const doc = consentDocument({
      schoolName: 'МКОУ СОШ № 2 с. п. Кахун',
      academicYear: '2025/2026',
      person: { lastName: 'Семёнова', firstName: 'Анна', middleName: '', birthDate: '2013-04-02', classLabel: '7Б', category: 'student' },
      signer: 'representative',
      representativeName: 'Семёнова Ольга Ивановна',
      representativeRelation: 'мать',
      signedOn: '2025-10-01',
    });
    const { text } = await readDocx(await consentDocx(doc));
    expect(text).toContain('СОГЛАСИЕ');
    expect(text).toContain('Я, Семёнова Ольга Ивановна,\nдокумент, удостоверяющий личность:');
    expect(text).toContain('(мать) несовершеннолетней Семёновой Анны, дата рождения 02.04.2013, обучающейся 7Б класса');
    expect(text).toContain('МКОУ СОШ № 2 с. п. Кахун (далее — Оператор)');
    expect(text).toContain('1 октября 2025 г.\t________________ / Семёнова О. И. /');
  });
});
