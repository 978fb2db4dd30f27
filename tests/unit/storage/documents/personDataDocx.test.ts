import { afterEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../../src/storage/db';
import { loadPersonDataRecords } from '../../../../src/storage/personData';
import { personDataReport } from '../../../../src/domain/personDataReport';
import { personDataDocx } from '../../../../src/storage/documents/personDataDocx';
import { Repository } from '../../../../src/storage/repository';
import { personInputSchema } from '../../../../src/domain/person';
import { consentInputSchema } from '../../../../src/domain/consent';
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
});
