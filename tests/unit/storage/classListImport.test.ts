import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NastavnikDb } from '../../../src/storage/db';
import { Repository } from '../../../src/storage/repository';
import { readSpreadsheetFile } from '../../../src/storage/readSpreadsheetFile';
import { parseClassList, peopleToImport } from '../../../src/domain/classList';
import type { PersonFields } from '../../../src/domain/person';

let db: NastavnikDb;
let people: Repository<'people'>;
let n = 0;

beforeEach(async () => {
  db = new NastavnikDb(`class-import-test-${++n}`);
  await db.open();
  people = new Repository(db, 'people');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The import page's path: file → rows → preview → the rows it would write. */
async function rowsOf(name: string, existing: PersonFields[] = []): Promise<PersonFields[]> {
  const b = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
  const read = await readSpreadsheetFile({ name, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer });
  if (!read.ok) throw new Error(read.message);
  const list = parseClassList(read.rows, { existing });
  if (!list.ok) throw new Error(list.message);
  return peopleToImport(list.rows);
}

describe('importing a class list', () => {
  it('writes every good row, stamped, in one transaction', async () => {
    const rows = await rowsOf('class-7b-cp1251.csv');
    expect(rows).toHaveLength(5);
    const saved = await people.saveMany(rows.map((fields) => ({ fields })));
    expect(await db.people.count()).toBe(5);
    expect(new Set(saved.map((p) => p.hlc)).size).toBe(5);
    expect((await people.list()).map((p) => p.lastName).sort((a, b) => a.localeCompare(b, 'ru'))).toEqual(['Алексеев', 'Белова', 'Дмитриев', 'Ёлкин', 'Жукова']);
  });

  it('all or nothing: one row that cannot be stored leaves the base as it was', async () => {
    const rows = await rowsOf('class-8a.xlsx');
    expect(rows).toHaveLength(4);
    // A value IndexedDB cannot store makes the third put fail inside the transaction.
    const poisoned = rows.map((fields, i) => ({ fields: i === 2 ? { ...fields, notes: (() => 'x') as unknown as string } : fields }));
    await expect(people.saveMany(poisoned)).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
    await people.saveMany(rows.map((fields) => ({ fields })));
    expect(await db.people.count()).toBe(4);
  });

  it('a second import of the same list finds everyone already in the base', async () => {
    await people.saveMany((await rowsOf('class-8a.xlsx')).map((fields) => ({ fields })));
    expect(await rowsOf('class-8a.xlsx', await people.list())).toEqual([]);
  });
});
