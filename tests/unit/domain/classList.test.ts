import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  countRows,
  decodeCsvBytes,
  guessDelimiter,
  parseClassList,
  parseCsv,
  peopleToImport,
  splitFullName,
  tidyName,
  type ClassListResult,
} from '../../../src/domain/classList';
import { cellToIsoDate, excelSerialToIso, matchColumn } from '../../../src/domain/classListColumns';
import { readSpreadsheetFile, type SpreadsheetSource } from '../../../src/storage/readSpreadsheetFile';

const fixture = (name: string): SpreadsheetSource => {
  const b = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
  return { name, size: b.byteLength, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
};
const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const source = (name: string, bytes: Uint8Array | string): SpreadsheetSource => {
  const u = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: u.byteLength, arrayBuffer: async () => u.slice().buffer };
};

function parsed(result: ClassListResult) {
  if (!result.ok) throw new Error(`expected a parsed list, got: ${result.message}`);
  return result;
}
/** Reads a fixture exactly as the import page does: file → rows → class list. */
async function importFixture(name: string, opts: Parameters<typeof parseClassList>[1] = {}) {
  const read = await readSpreadsheetFile(fixture(name));
  if (!read.ok) throw new Error(read.message);
  return parsed(parseClassList(read.rows, opts));
}

describe('header detection', () => {
  it.each([
    ['ФИО', 'fullName'],
    ['Ф.И.О.', 'fullName'],
    ['  ф. и. о. обучающегося ', 'fullName'],
    ['Фамилия Имя Отчество', 'fullName'],
    ['Фамилия, имя, отчество', 'fullName'],
    ['Фамилия', 'lastName'],
    ['ИМЯ', 'firstName'],
    ['Отчество (при наличии)', 'middleName'],
    ['Класс', 'classLabel'],
    ['Дата рождения', 'birthDate'],
    ['Дата рожд.', 'birthDate'],
    ['Д.р.', 'birthDate'],
    ['Дата рождения (ДД.ММ.ГГГГ)', 'birthDate'],
    ['Телефон', 'phone'],
    ['E-mail', 'email'],
    ['Эл. почта', 'email'],
    ['Электронная почта', 'email'],
    ['Роль', 'role'],
    ['№ п/п', null],
    ['Классный руководитель', null],
    ['Список обучающихся 7Б класса МБОУ СОШ № 12 на 2025/2026 учебный год', null],
  ])('«%s» → %s', (header, field) => {
    expect(matchColumn(header)).toBe(field);
  });

  it('skips title rows above the header and reports the header row', () => {
    const r = parsed(
      parseClassList([
        ['Список 7Б класса'],
        [],
        ['№', 'ФИО', 'Класс', 'Дата рождения'],
        ['1', 'Иванов Иван Иванович', '7Б', '01.02.2013'],
      ]),
    );
    expect(r.headerLine).toBe(3);
    expect(r.rows.map((x) => [x.line, x.status])).toEqual([[4, 'ok']]);
    expect(r.missingColumns).toEqual([]);
  });

  it('matches ё = е and any case in headers', () => {
    const r = parsed(parseClassList([['фамилия', 'ИМЯ', 'отчество', 'класс', 'ДАТА РОЖДЕНИЯ'], ['Семёнов', 'Пётр', '', '6а', '03.03.2014']]));
    expect(r.rows[0]!.person).toMatchObject({ lastName: 'Семёнов', firstName: 'Пётр', classLabel: '6А', birthDate: '2014-03-03' });
  });

  it('says which name columns it looked for when there is none', () => {
    const r = parseClassList([['Ученик', 'Класс'], ['Иванов Иван', '7Б']]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('noNameColumn');
    expect(r.message).toContain('ФИО');
    expect(r.message).toContain('Фамилия Имя Отчество');
  });

  it('a header with no rows under it is a clear result, not an empty preview', () => {
    const r = parseClassList([['ФИО', 'Класс'], ['', ''], []]);
    expect(r).toMatchObject({ ok: false, reason: 'noRows' });
  });

  it('lists the columns a student list lacks, and the default class fills the class', () => {
    const r = parsed(parseClassList([['ФИО'], ['Иванов Иван Иванович']], { defaultClass: '7б' }));
    expect(r.missingColumns).toEqual(['Класс', 'Дата рождения']);
    expect(r.rows[0]!.status).toBe('bad');
    expect(r.rows[0]!.errors).toEqual(['Укажите дату рождения обучающегося: от неё зависит, кто подписывает согласие']);
    expect(r.rows[0]!.raw.classLabel).toBe('7б');
  });

  it('a teachers list needs neither class nor birth date', () => {
    const r = parsed(parseClassList([['ФИО', 'Телефон'], ['Орлова Мария Петровна', '+7 (900) 123-45-67']], { category: 'teacher', roles: ['mentor'] }));
    expect(r.missingColumns).toEqual([]);
    expect(r.rows[0]).toMatchObject({ status: 'ok', person: { category: 'teacher', roles: ['mentor'], phone: '+7 (900) 123-45-67' } });
  });
});

describe('names', () => {
  it('splits ФИО into фамилия, имя, отчество', () => {
    expect(splitFullName('  Иванов   Иван  Иванович ')).toEqual({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' });
    expect(splitFullName('Тихонов Глеб')).toEqual({ lastName: 'Тихонов', firstName: 'Глеб', middleName: '' });
    expect(splitFullName('Мамедов Али Гусейн оглы')).toEqual({ lastName: 'Мамедов', firstName: 'Али', middleName: 'Гусейн оглы' });
    expect(splitFullName('Петрова, Анна')).toEqual({ lastName: 'Петрова', firstName: 'Анна', middleName: '' });
  });
  it('fixes names typed in capitals or lower case, keeps deliberate mixed case', () => {
    expect(tidyName('ФЁДОРОВА')).toBe('Фёдорова');
    expect(tidyName('римская-корсакова')).toBe('Римская-Корсакова');
    expect(tidyName('МакГрегор')).toBe('МакГрегор');
  });
  it('a single word is a bad row that asks for the first name', () => {
    const r = parsed(parseClassList([['ФИО', 'Класс', 'Дата рождения'], ['Иванов', '7Б', '01.01.2013']]));
    expect(r.rows[0]).toMatchObject({ status: 'bad', errors: ['Укажите: имя'], raw: { name: 'Иванов' } });
  });
});

describe('dates', () => {
  it('reads ДД.ММ.ГГГГ, Д.М.ГГГГ, ISO, a trailing time, Date cells and Excel day numbers', () => {
    expect(cellToIsoDate('05.03.2012')).toBe('2012-03-05');
    expect(cellToIsoDate('5.3.2012')).toBe('2012-03-05');
    expect(cellToIsoDate('05/03/2012')).toBe('2012-03-05');
    expect(cellToIsoDate('2012-03-05')).toBe('2012-03-05');
    expect(cellToIsoDate('05.03.2012 0:00:00')).toBe('2012-03-05');
    expect(cellToIsoDate(new Date(Date.UTC(2012, 2, 5)))).toBe('2012-03-05');
    expect(cellToIsoDate(40973)).toBe('2012-03-05');
    expect(cellToIsoDate('40973')).toBe('2012-03-05');
    expect(excelSerialToIso(40968)).toBe('2012-02-29');
  });
  it('refuses impossible and unreadable dates', () => {
    for (const bad of ['31.02.2012', '29.02.2013', '12.13.2012', '05.03.12', 'март 2012', 'вчера', '7', new Date(NaN), 1e9])
      expect(cellToIsoDate(bad)).toBeNull();
  });
  it('names the column and the value of a bad date, once', () => {
    const r = parsed(parseClassList([['ФИО', 'Класс', 'Дата рождения'], ['Петров Пётр Петрович', '7Б', '31.02.2012']]));
    expect(r.rows[0]!.errors).toEqual(['Дата рождения: неверная дата «31.02.2012», нужна в виде ДД.ММ.ГГГГ']);
  });
});

describe('CSV decoding and delimiters', () => {
  it('decodes UTF-8 with and without a BOM, and Windows-1251', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFFЁлкин;7Б'))).toBe('Ёлкин;7Б');
    expect(decodeCsvBytes(new TextEncoder().encode('Ёлкин;7Б'))).toBe('Ёлкин;7Б');
    expect(decodeCsvBytes(new Uint8Array([0xa8, 0xeb, 0xea, 0xe8, 0xed, 0x3b, 0x37, 0xc1]))).toBe('Ёлкин;7Б');
  });
  it('guesses ; or , and keeps quoted commas and row numbers', () => {
    expect(parseCsv('ФИО;Класс\r\nИванов Иван;7Б\r\n')).toEqual([
      ['ФИО', 'Класс'],
      ['Иванов Иван', '7Б'],
    ]);
    expect(parseCsv('Список 7Б класса\r\n\r\nФИО;Класс\r\nИванов, Иван;7Б\r\n\r\nПетров Пётр;7Б')).toEqual([
      ['Список 7Б класса'],
      [''],
      ['ФИО', 'Класс'],
      ['Иванов, Иван', '7Б'],
      [''],
      ['Петров Пётр', '7Б'],
    ]);
    expect(guessDelimiter('ФИО\tКласс\nИванов, Иван\t7Б')).toBe('\t');
    expect(guessDelimiter('"Иванов; Иван",7Б,01.01.2013\nПетров Пётр,7Б,01.01.2013')).toBe(',');
    expect(parseCsv('\uFEFF"Фамилия, имя",Класс\n\n"Иванов, Иван",7Б\n')).toEqual([['Фамилия, имя', 'Класс'], [''], ['Иванов, Иван', '7Б']]);
  });

  it('class-7b-cp1251.csv: Windows-1251, semicolons, one impossible date', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf('class-7b-cp1251.csv'))).toThrow();
    const r = await importFixture('class-7b-cp1251.csv');
    expect(r.headerLine).toBe(1);
    expect(countRows(r.rows)).toEqual({ ok: 5, bad: 1, duplicate: 0 });
    expect(r.rows.map((x) => x.person?.lastName ?? x.raw.name)).toEqual([
      'Алексеев',
      'Белова',
      'Ёлкин',
      'Григорьева Дарья Андреевна',
      'Дмитриев',
      'Жукова',
    ]);
    expect(r.rows[0]!.person).toMatchObject({ firstName: 'Артём', middleName: 'Викторович', classLabel: '7Б', birthDate: '2013-03-14', category: 'student' });
    expect(r.rows[4]!.person?.classLabel).toBe('7Б');
    expect(r.rows[5]!.person?.birthDate).toBe('2013-04-01');
    const bad = r.rows.find((x) => x.status === 'bad')!;
    expect(bad.line).toBe(5);
    expect(bad.errors).toEqual(['Дата рождения: неверная дата «31.02.2012», нужна в виде ДД.ММ.ГГГГ']);
  });

  it('class-5v-utf8-bom.csv: UTF-8 with BOM, commas, a title row, a duplicate within the file', async () => {
    const r = await importFixture('class-5v-utf8-bom.csv');
    expect(r.headerLine).toBe(2);
    expect(countRows(r.rows)).toEqual({ ok: 4, bad: 0, duplicate: 1 });
    const dup = r.rows.find((x) => x.status === 'duplicate')!;
    expect(dup).toMatchObject({ line: 5, duplicateOf: 'file', errors: ['Повторяет строку 3'] });
    expect(r.rows.find((x) => x.line === 7)!.person).toMatchObject({ lastName: 'Фёдорова', firstName: 'Юлия', middleName: 'Дмитриевна' });
    expect(r.rows.find((x) => x.line === 6)!.person).toMatchObject({ middleName: '', birthDate: '2015-03-03' });
  });
});

describe('class-8a.xlsx through the app reader', () => {
  it('reads separate name columns, date cells of both formats and text dates, one row without a first name', async () => {
    const read = await readSpreadsheetFile(fixture('class-8a.xlsx'));
    expect(read).toMatchObject({ ok: true, format: 'xlsx' });
    if (!read.ok) return;
    expect(read.rows[1]).toEqual(['Кузнецов', 'Максим', 'Андреевич', '8А', '17.05.2012']);
    const r = parsed(parseClassList(read.rows));
    expect(countRows(r.rows)).toEqual({ ok: 4, bad: 1, duplicate: 0 });
    expect(r.rows.map((x) => x.person?.birthDate ?? '')).toEqual(['2012-05-17', '2011-12-03', '', '2012-01-21', '2012-02-29']);
    expect(r.rows[3]!.person).toMatchObject({ lastName: 'Никитина', middleName: '', classLabel: '8А' });
    expect(r.rows[2]).toMatchObject({ line: 4, status: 'bad', errors: ['Укажите: имя'], raw: { name: 'Морозов Сергеевич', birthDate: '30.09.2011' } });
  });

  it('raw cells of read-excel-file (numbers, Dates, null) parse the same as text', () => {
    const r = parsed(
      parseClassList([
        ['ФИО', 'Класс', 'Дата рождения', 'Телефон'],
        ['Иванов Иван Иванович', 7, new Date(Date.UTC(2013, 0, 2)), 79001234567],
        ['Петров Пётр Петрович', '7Б', 41276, null],
      ], { defaultClass: 'Б' }),
    );
    expect(r.rows[0]!.person).toMatchObject({ classLabel: '7', birthDate: '2013-01-02', phone: '79001234567' });
    expect(r.rows[1]!.person).toMatchObject({ birthDate: '2013-01-02' });
  });
});

describe('duplicates', () => {
  const header = ['ФИО', 'Класс', 'Дата рождения'];
  it('flags a person already in the base (ё = е, any case) and within the file; imports them only when asked', () => {
    const r = parsed(
      parseClassList(
        [
          header,
          ['Семенов Петр Ильич', '7Б', '01.01.2013'],
          ['Иванова Анна Сергеевна', '7Б', '02.02.2013'],
          ['ИВАНОВА АННА СЕРГЕЕВНА', '7Б', '02.02.2013'],
          ['Иванова Анна Сергеевна', '7Б', '03.03.2013'],
        ],
        { existing: [{ lastName: 'Семёнов', firstName: 'Пётр', middleName: 'Ильич', birthDate: '2013-01-01' }] },
      ),
    );
    expect(r.rows.map((x) => [x.line, x.status, x.duplicateOf])).toEqual([
      [2, 'duplicate', 'base'],
      [3, 'ok', undefined],
      [4, 'duplicate', 'file'],
      [5, 'ok', undefined],
    ]);
    expect(r.rows[0]!.errors).toEqual(['Уже есть в базе: те же ФИО и дата рождения']);
    expect(peopleToImport(r.rows)).toHaveLength(2);
    expect(peopleToImport(r.rows, true)).toHaveLength(4);
  });
});

describe('bad rows and roles', () => {
  it('collects every reason of a row, each naming its column, with the spreadsheet row number', () => {
    const r = parsed(
      parseClassList([
        ['ФИО', 'Класс', 'Дата рождения', 'Эл. почта', 'Роль'],
        ['Иванов Иван', '15Я', '01.01.2013', 'не-почта', 'наставник, наставляемый'],
        ['Петров Пётр', '7Б', '01.01.2013', '', 'директор'],
        ['Сидоров Сидор', '7Б', '01.01.2013', '', 'Наставляемый'],
      ]),
    );
    expect(r.rows[0]).toMatchObject({ line: 2, status: 'bad' });
    expect(r.rows[0]!.errors).toEqual(['Класс: число от 1 до 11 и буква, например 7Б', 'Электронная почта: неверный адрес']);
    expect(r.rows[1]!.errors).toEqual(['Роль: «директор» — укажите «наставник» или «наставляемый»']);
    expect(r.rows[2]!.person?.roles).toEqual(['mentee']);
  });
  it('skips empty rows but keeps the numbering of the file', () => {
    const r = parsed(parseClassList([['ФИО', 'Класс', 'Дата рождения'], ['', null, ''], ['Иванов Иван', '7Б', '01.01.2013']]));
    expect(r.rows.map((x) => x.line)).toEqual([3]);
  });
  it('skips a header repeated on every printed page', () => {
    const r = parsed(
      parseClassList([
        ['ФИО', 'Класс', 'Дата рождения'],
        ['Иванов Иван', '7Б', '01.01.2013'],
        ['ФИО', 'Класс', 'Дата рождения'],
        ['Петров Пётр', '7Б', '01.01.2013'],
      ]),
    );
    expect(r.rows.map((x) => [x.line, x.status])).toEqual([
      [2, 'ok'],
      [4, 'ok'],
    ]);
  });
  it('strips quotes around the class letter: 7 «Б»', () => {
    const r = parsed(parseClassList([['ФИО', 'Класс', 'Дата рождения'], ['Иванов Иван', '7 «Б»', '01.01.2013']]));
    expect(r.rows[0]!.person?.classLabel).toBe('7Б');
  });
});

describe('wrong files give a Russian message, never a crash', () => {
  it.each([
    ['not-a-table.xlsx', 'notSpreadsheet'],
    ['empty.csv', 'empty'],
  ])('%s → %s', async (name, error) => {
    const r = await readSpreadsheetFile(fixture(name));
    expect(r).toMatchObject({ ok: false, error });
    if (!r.ok) expect(r.message).toMatch(/[а-я]/);
  });

  it('a PNG renamed .csv, a legacy .xls, a corrupt zip, a blank text file', async () => {
    const png = bytesOf('not-a-table.xlsx');
    expect(await readSpreadsheetFile(source('photo.csv', png))).toMatchObject({ ok: false, error: 'notSpreadsheet' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readSpreadsheetFile(source('old.xls', ole))).toMatchObject({ ok: false, error: 'legacyXls' });
    const broken = bytesOf('class-8a.xlsx').slice(0, 200);
    expect(await readSpreadsheetFile(source('broken.xlsx', broken))).toMatchObject({ ok: false, error: 'unreadable' });
    expect(await readSpreadsheetFile(source('blank.csv', '\r\n\r\n   \r\n'))).toMatchObject({ ok: false, error: 'empty' });
  });

  it('refuses files over 10 MB before reading them, and more than 5,000 rows', async () => {
    let read = false;
    const huge = { name: 'big.csv', size: 11 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
    expect(await readSpreadsheetFile(huge)).toMatchObject({ ok: false, error: 'tooLarge' });
    expect(read).toBe(false);
    const many = ['ФИО;Класс', ...Array.from({ length: 5001 }, (_, i) => `Иванов${i} Иван;7Б`)].join('\n');
    expect(await readSpreadsheetFile(source('many.csv', many))).toMatchObject({ ok: false, error: 'tooManyRows' });
  });

  it('an .xlsx renamed .csv is read by its content', async () => {
    const r = await readSpreadsheetFile(source('list.csv', bytesOf('class-8a.xlsx')));
    expect(r).toMatchObject({ ok: true, format: 'xlsx' });
  });
});
