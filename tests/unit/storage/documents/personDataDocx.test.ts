import { afterEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../../src/storage/db';
import { loadPersonDataRecords, localCopiesOf } from '../../../../src/storage/personData';
import { personDataReport, reportRecordIds } from '../../../../src/domain/personDataReport';
import { personDataDocx } from '../../../../src/storage/documents/personDataDocx';
import { Repository } from '../../../../src/storage/repository';
import { personInputSchema } from '../../../../src/domain/person.schema';
import { consentInputSchema } from '../../../../src/domain/consent.schema';
import { readDocx } from '../../docxText';

let db: NastavnikDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

describe('«Какие данные хранятся» from the database to DOCX', () => {
  it('reads every table and writes each section and field', async () => {
    db = new NastavnikDb('person-data-test');
    await db.open();
    const people = new Repository(db, 'people');
    const anna = await people.save(personInputSchema.parse({ lastName: 'Семёнова', firstName: 'Анна', category: 'student', classLabel: '7Б', birthDate: '2013-04-02', phone: '+7 900 111-22-33' }));
    await people.save(personInputSchema.parse({ lastName: 'Орлов', firstName: 'Борис', category: 'teacher', phone: '+7 900 000-00-00' }));
    await new Repository(db, 'consents').save(consentInputSchema.parse({ personId: anna.id, signedOn: '2025-09-10', signer: 'representative', representativeName: 'Семёнов Пётр', representativeRelation: 'отец' }));
    const records = await loadPersonDataRecords(db);
    expect(records.people).toHaveLength(2);
    const doc = personDataReport(anna.id, records, '2026-12-02')!;
    const { text } = await readDocx(await personDataDocx(doc));
    for (const s of ['Какие персональные данные хранятся', 'Семёнова Анна (обучающийся, 7Б)', '1. Карточка участника', 'Дата рождения: 02.04.2013', 'Телефон: +7 900 111-22-33', '2. Согласия на обработку персональных данных', 'ФИО законного представителя: Семёнов Пётр'])
      expect(text).toContain(s);
    expect(text).not.toContain('Орлов');
    expect(text).not.toContain('+7 900 000-00-00');
  });

  it('counts the copies kept outside the tables: conflict versions of the person’s records, drafts naming them', async () => {
    db = new NastavnikDb('person-data-copies-test');
    await db.open();
    const anna = await new Repository(db, 'people').save(personInputSchema.parse({ lastName: 'Семёнова', firstName: 'Анна', category: 'teacher' }));
    await db.conflicts.bulkPut([
      { id: `people|${anna.id}|phone|w1`, table: 'people', recordId: anna.id, field: 'phone', write: 'w1', value: '+7 900 1', detectedAt: '2026-12-01T00:00:00Z' },
      { id: 'people|other|phone|w1', table: 'people', recordId: 'other', field: 'phone', write: 'w1', value: '+7 900 2', detectedAt: '2026-12-01T00:00:00Z' },
    ]);
    await db.drafts.put({ key: `consent:${anna.id}`, value: { signedOn: '2026-12-01' }, savedAt: '2026-12-01T00:00:00Z' });
    const records = await loadPersonDataRecords(db);
    const copies = await localCopiesOf(anna.id, reportRecordIds(personDataReport(anna.id, records, '2026-12-02')!), db);
    expect(copies.map((c) => c.count)).toEqual([1, 1, 0, 0]);
    const doc = personDataReport(anna.id, records, '2026-12-02', copies)!;
    expect(doc.sections.at(-1)).toEqual({
      title: 'Копии на этом устройстве',
      items: [{ heading: '', fields: [['Версии, сохранённые после конфликтов обмена', '1 запись'], ['Черновики форм', '1 запись']] }],
    });
  });
});
