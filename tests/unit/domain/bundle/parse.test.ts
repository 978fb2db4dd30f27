import { BUNDLE_FORMAT_VERSION } from '../../../../src/domain/bundle/schema';
import { describe, expect, it } from 'vitest';
import { parseBundle, checkSchool } from '../../../../src/domain/bundle/parse';
import { bundleChecksum, serializeBundle } from '../../../../src/domain/bundle/format';
import { bundleErrorMessage, type BundleError } from '../../../../src/domain/bundle/errors';
import { MAX_BUNDLE_BYTES, MAX_STRING_LENGTH } from '../../../../src/domain/bundle/safeJson';
import { fieldEntries } from '../../../../src/domain/envelope';
import { person, rec, sampleBundle, SCHOOL_ID } from './sampleData';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The bundle as plain JSON, changed by `fn`, then (unless told otherwise) resealed so the checksum and counts pass. */
async function tampered(fn: (raw: Raw) => void, reseal = true): Promise<string> {
  const raw = JSON.parse(serializeBundle(await sampleBundle())) as Raw;
  fn(raw);
  if (reseal) {
    for (const [t, list] of Object.entries(raw.tables ?? {})) if (Array.isArray(list)) raw.header.counts[t] = list.length;
    raw.header.conflictCount = Array.isArray(raw.conflicts) ? raw.conflicts.length : 0;
    raw.header.checksum = await bundleChecksum(raw.tables, raw.conflicts);
  }
  return JSON.stringify(raw);
}

async function refusal(input: string | Uint8Array): Promise<BundleError> {
  const r = await parseBundle(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('parseBundle: a good file', () => {
  it('reads back exactly what was written, from text and from bytes', async () => {
    const b = await sampleBundle();
    const text = serializeBundle(b);
    for (const input of [text, new TextEncoder().encode(text)]) {
      const r = await parseBundle(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.tables).toEqual(b.tables);
      expect(r.value.header).toEqual(b.header);
      expect(r.value.ignoredTables).toEqual([]);
    }
  });

  it('keeps fields and tables it does not know (a newer app wrote them), and leaves values untouched', async () => {
    const text = await tampered((raw) => {
      raw.tables.people[0].favouriteColour = 'синий';
      raw.tables.people[0].lastName = '  Иванова  ';
      raw.tables.futureThings = [{ id: 'f1' }];
      raw.header.exportedBy = 'Наставник 9.0';
    });
    const r = await parseBundle(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.tables.people?.[0]).toMatchObject({ favouriteColour: 'синий', lastName: '  Иванова  ' });
    expect(r.value.ignoredTables).toEqual(['futureThings']);
    expect(r.value.header.exportedBy).toBe('Наставник 9.0');
  });

  it('accepts kept conflict values that belong to a record of the file', async () => {
    const text = await tampered((raw) => {
      const p = raw.tables.people[1];
      const other = rec({ ...p, firstName: 'Иоанн' }, p.id, { device: 'otherdevice' });
      raw.tables.people[1] = { ...p, vv: { ...p.vv, otherdevice: 1 } };
      raw.conflicts.push({ table: 'people', recordId: p.id, field: 'firstName', write: fieldEntries(other).get('firstName')!.write, value: 'Иоанн' });
    });
    const r = await parseBundle(text);
    expect(r.ok && r.value.conflicts.length).toBe(1);
  });

  it('refuses a kept value the record has not seen, or one that breaks its field\'s rule', async () => {
    const unseen = await refusal(
      await tampered((raw) => {
        const p = raw.tables.people[1];
        const other = rec({ ...p, firstName: 'Иоанн' }, p.id, { device: 'otherdevice' });
        raw.conflicts.push({ table: 'people', recordId: p.id, field: 'firstName', write: fieldEntries(other).get('firstName')!.write, value: 'Иоанн' });
      }),
    );
    expect(unseen).toMatchObject({ kind: 'invalidRecords', issues: [{ kept: true, table: 'people', field: 'firstName' }] });
    const bad = await refusal(
      await tampered((raw) => {
        const p = raw.tables.people[1];
        const other = rec({ ...p, firstName: 'Иоанн' }, p.id, { device: 'otherdevice' });
        raw.tables.people[1] = { ...p, vv: { ...p.vv, otherdevice: 1 } };
        raw.conflicts.push({ table: 'people', recordId: p.id, field: 'birthDate', write: fieldEntries(other).get('firstName')!.write, value: 'вчера' });
      }),
    );
    expect(bad).toMatchObject({ kind: 'invalidRecords', issues: [{ kept: true, table: 'people', field: 'birthDate' }] });
  });
});

describe('parseBundle: each bad file gets its own refusal', () => {
  it.each([
    ['not JSON at all', 'PK\u0003\u0004 это архив', 'notJson'],
    ['cut short', '{"header":{"format":"nastavnik-bundle","formatVersion":1', 'truncated'],
    ['a JSON array', '[1,2,3]', 'notABundle'],
    ['another app', '{"type":"excalidraw","version":2,"elements":[]}', 'otherApp'],
  ])('%s', async (_name, text, kind) => {
    expect((await refusal(text)).kind).toBe(kind);
  });

  it('bytes that are not UTF-8', async () => {
    expect((await refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).kind).toBe('notJson');
  });

  it('a file over 100 MB, before reading it', async () => {
    const e = await refusal(new Uint8Array(MAX_BUNDLE_BYTES + 1));
    expect(e).toMatchObject({ kind: 'tooLarge', limit: MAX_BUNDLE_BYTES });
    expect(bundleErrorMessage(e)).toContain('100 МБ');
  });

  it('another app names its format', async () => {
    const e = await refusal('{"header":{"format":"tldraw"}}');
    expect(bundleErrorMessage(e)).toContain('«tldraw»');
  });

  it('a newer format asks to update the app', async () => {
    const e = await refusal(await tampered((raw) => (raw.header.formatVersion = BUNDLE_FORMAT_VERSION + 1), false));
    expect(e).toEqual({ kind: 'versionTooNew', version: BUNDLE_FORMAT_VERSION + 1, supported: BUNDLE_FORMAT_VERSION });
    expect(bundleErrorMessage(e)).toContain('Обновите приложение');
  });

  it('a changed value without a new checksum', async () => {
    const e = await refusal(await tampered((raw) => (raw.tables.people[0].firstName = 'Мариам'), false));
    expect(e.kind).toBe('checksumMismatch');
  });

  it('a table shorter than its header says', async () => {
    const text = await tampered((raw) => {
      raw.tables.people.pop();
      raw.header.checksum = '';
    });
    const raw = JSON.parse(text) as Raw;
    raw.header.counts.people = 5;
    raw.header.checksum = await bundleChecksum(raw.tables, raw.conflicts);
    const e = await refusal(JSON.stringify(raw));
    expect(e).toEqual({ kind: 'countMismatch', table: 'people', expected: 5, actual: 4 });
    expect(bundleErrorMessage(e)).toContain('«Участники» 4 записи');
  });

  it.each([['__proto__'], ['constructor'], ['prototype']])('a key %s anywhere', async (key) => {
    const text = (await tampered(() => {})).replace('"firstName":"Пётр"', `"${key}":{"polluted":true},"firstName":"Пётр"`);
    const e = await refusal(text);
    expect(e).toMatchObject({ kind: 'forbiddenKeys', key, path: ['tables', 'people', 3, key] });
    expect(bundleErrorMessage(e)).toContain('таблица «Участники», запись № 4');
    expect(({} as Raw).polluted).toBeUndefined();
  });

  it('a string of megabytes', async () => {
    const e = await refusal(await tampered((raw) => (raw.tables.people[2].notes = 'я'.repeat(MAX_STRING_LENGTH + 1))));
    expect(e).toMatchObject({ kind: 'stringTooLong', path: ['tables', 'people', 2, 'notes'] });
    expect(bundleErrorMessage(e)).toContain('запись № 3, поле «Заметки»');
  });

  it('nesting deeper than any record has', async () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    const e = await refusal(`{"header":{"format":"nastavnik-bundle"},"x":${deep}}`);
    expect(e.kind).toBe('tooDeep');
    expect((await refusal('['.repeat(1_000_000))).kind).toMatch(/notJson|truncated/);
  });

  it('a record that fails its table’s rules names the table, the record and the field', async () => {
    const e = await refusal(await tampered((raw) => (raw.tables.people[2].birthDate = '2012-02-30')));
    expect(e).toMatchObject({ kind: 'invalidRecords', total: 1, issues: [{ table: 'people', index: 2, id: 't2', field: 'birthDate' }] });
    expect(bundleErrorMessage(e)).toContain('Таблица «Участники», запись № 3, поле «Дата рождения»: неверная дата');
  });

  it('wrong types and missing envelope fields are told in Russian', async () => {
    const e = await refusal(
      await tampered((raw) => {
        raw.tables.meetings[0].durationMin = 'долго';
        delete raw.tables.plans[1].hlc;
        raw.tables.orders[0].vv = { [String(Object.keys(raw.tables.orders[0].vv)[0])]: -1 };
      }),
    );
    const msg = bundleErrorMessage(e);
    expect(msg).toContain('Таблица «Встречи», запись № 1, поле «Длительность»');
    expect(msg).toContain('Таблица «Индивидуальные планы», запись № 2, поле «Метка времени»: нет значения');
    expect(msg).toContain('Таблица «Приказы», запись № 1, поле «Вектор версий»');
    expect(msg).not.toMatch(/expected|Invalid/);
  });

  it('a school record of another school than the header says', async () => {
    const e = await refusal(await tampered((raw) => (raw.tables.school[0].id = 'school-99')));
    expect(e).toMatchObject({ kind: 'invalidRecords', issues: [{ table: 'school', field: 'id' }] });
  });

  it('a kept value without its record', async () => {
    const stray = person('nobody');
    const e = await refusal(
      await tampered((raw) => raw.conflicts.push({ table: 'people', recordId: 'nobody', field: 'lastName', write: stray.writes![0], value: 'Петров' })),
    );
    expect(e).toMatchObject({ kind: 'invalidRecords', issues: [{ kept: true, table: 'people', field: 'lastName' }] });
    expect(bundleErrorMessage(e)).toContain('Сохранённое значение конфликта № 1 (таблица «Участники»)');
  });

  it('the same id twice in a table', async () => {
    const e = await refusal(await tampered((raw) => raw.tables.people.push({ ...raw.tables.people[1] })));
    expect(e).toEqual({ kind: 'duplicateIds', duplicates: [{ table: 'people', id: 's1', indexes: [1, 5] }] });
    expect(bundleErrorMessage(e)).toContain('записи № 2, № 6');
  });

  it('a header that is ours but broken', async () => {
    const e = await refusal(await tampered((raw) => (raw.header.device = { id: '../../etc', name: 'x' })));
    expect(e).toMatchObject({ kind: 'notABundle', path: ['header', 'device', 'id'] });
    expect(bundleErrorMessage(e)).toContain('заголовок файла, поле «device.id»');
  });

  it('reports at most 100 problems but counts them all', async () => {
    const e = await refusal(
      await tampered((raw) => {
        raw.tables.people = Array.from({ length: 150 }, (_, i) => ({ ...raw.tables.people[0], id: `p${i}`, birthDate: 'вчера' }));
      }),
    );
    expect(e, JSON.stringify(e)).toMatchObject({ kind: 'invalidRecords', total: 150 });
    if (e.kind === 'invalidRecords') expect(e.issues).toHaveLength(100);
    expect(bundleErrorMessage(e)).toContain('…и ещё 145.');
  });
});

describe('the school check', () => {
  const header = { school: { id: SCHOOL_ID, name: 'Школа № 14' } };
  it('accepts the same school, or a device without one yet', () => {
    expect(checkSchool(header, { id: SCHOOL_ID, name: 'Школа № 14' }).ok).toBe(true);
    expect(checkSchool(header, undefined).ok).toBe(true);
  });
  it('refuses another school, naming both', () => {
    const r = checkSchool(header, { id: 'other', name: 'Гимназия № 2' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(bundleErrorMessage(r.error)).toContain('«Школа № 14», а на этом устройстве — «Гимназия № 2»');
  });
});

describe('every error has a Russian message', () => {
  const path = ['tables', 'people', 0, 'notes'];
  const all: BundleError[] = [
    { kind: 'notJson' },
    { kind: 'truncated' },
    { kind: 'tooLarge', bytes: 2e8, limit: MAX_BUNDLE_BYTES },
    { kind: 'tooDeep', path },
    { kind: 'forbiddenKeys', key: '__proto__', path },
    { kind: 'stringTooLong', path, length: 2e6, limit: MAX_STRING_LENGTH },
    { kind: 'notABundle', detail: 'нет таблиц' },
    { kind: 'otherApp' },
    { kind: 'versionTooNew', version: 3, supported: 1 },
    { kind: 'migrationFailed', from: 1, name: 'шаг', message: 'сбой' },
    { kind: 'checksumMismatch' },
    { kind: 'countMismatch', table: 'people', expected: 3, actual: 2 },
    { kind: 'invalidRecords', issues: [], total: 0 },
    { kind: 'duplicateIds', duplicates: [] },
    { kind: 'wrongSchool', bundleSchool: { id: 'a', name: 'А' }, localSchool: { id: 'b', name: 'Б' } },
    { kind: 'passphraseRequired' },
    { kind: 'wrongPassphrase' },
  ];
  it.each(all.map((e) => [e.kind, e] as const))('%s', (_kind, e) => {
    const msg = bundleErrorMessage(e);
    expect(msg.length).toBeGreaterThan(20);
    expect(msg).toMatch(/[А-Яа-яЁё]/);
    expect(msg).not.toContain('undefined');
  });
});
