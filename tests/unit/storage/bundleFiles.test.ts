import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';
import type { MaterialFields } from '../../../src/domain/material';
import { collectAttachments, materialFilesSummary } from '../../../src/storage/bundle/attachments';
import { decodeBundle, detectEncoding, encodeBundle } from '../../../src/storage/bundle/codec';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { previewImport } from '../../../src/storage/bundle/importBundle';
import { listExchanges } from '../../../src/storage/bundle/exchanges';
import { undoLastImport } from '../../../src/storage/bundle/undoImport';
import { SYNCED_TABLES, type NastavnikDb } from '../../../src/storage/db';
import { addMaterial, completeWithDocument, ensureRoadmap, materialFile, removeMaterial } from '../../../src/storage/yearWork';
import { closeAll, dump, importInto, newDb, seedSchool } from './bundleHelpers';

afterEach(closeAll);

const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`);
const fields = (title: string, bytes: Uint8Array): MaterialFields => ({
  title,
  description: '',
  audience: 'mentor',
  formIds: [],
  fileName: `${title}.pdf`,
  mimeType: 'application/pdf',
  size: bytes.byteLength,
  roadmapTaskId: '',
});

/** Device A: a school, a methodological material and a roadmap row's document. */
async function deviceWithFiles() {
  const a = await newDb();
  await seedSchool(a);
  await ensureRoadmap('2025/2026', a);
  const memo = pdfBytes('Памятка наставника');
  const order = pdfBytes('Приказ № 125-од');
  const m = await addMaterial(fields('Памятка', memo), new Blob([memo], { type: 'application/pdf' }), a);
  const doc = await completeWithDocument(
    'roadmap-2025-2026-10',
    { name: 'Приказ 125-од.pdf', type: 'application/pdf', size: order.byteLength, blob: new Blob([order], { type: 'application/pdf' }) },
    '2025-11-20',
    a,
  );
  return { a, m, doc, memo, order };
}

async function zipFrom(db: NastavnikDb, passphrase?: string) {
  const bundle = await exportBundle(db, { appVersion: '0.1.0' });
  const files = await collectAttachments(db, bundle);
  return encodeBundle(bundle, { files, ...(passphrase ? { passphrase, iterations: 1000 } : {}) });
}

const bytesOf = async (db: NastavnikDb, id: string) => new Uint8Array(await (await materialFile(id, db))!.arrayBuffer());

describe('a whole-school bundle with the files of materials', () => {
  it('is a ZIP any archiver opens: the bundle, the list of files, and each file as it was', async () => {
    const { a, m, doc, memo } = await deviceWithFiles();
    expect(await materialFilesSummary(a)).toEqual({ count: 2, bytes: memo.byteLength + pdfBytes('Приказ № 125-од').byteLength, missing: 0 });
    const zip = await zipFrom(a);
    expect(detectEncoding(zip)).toBe('zip');
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['bundle.json', 'files.json', `files/${m.id}`, `files/${doc.id}`].sort());
    expect(entries[`files/${m.id}`]).toEqual(memo);
    expect(JSON.parse(new TextDecoder().decode(entries['bundle.json'])).header.format).toBe('nastavnik-bundle');
  });

  it('brings the files to the other device in the import transaction; undo takes them away again', async () => {
    const { a, m, doc, memo, order } = await deviceWithFiles();
    const b = await newDb();
    const data = (db: NastavnikDb) => dump(db, [...SYNCED_TABLES, 'conflicts', 'files']);
    const before = await data(b);
    const parsed = await decodeBundle(await zipFrom(a));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.attachments.map((f) => f.fileName).sort()).toEqual(['Памятка.pdf', 'Приказ 125-од.pdf']);

    const preview = await previewImport(b, parsed.value);
    expect(preview.ok && preview.value.files).toEqual({ count: 2, bytes: memo.byteLength + order.byteLength });
    await importInto(b, parsed.value);
    expect(await bytesOf(b, m.id)).toEqual(memo);
    expect(await bytesOf(b, doc.id)).toEqual(order);
    expect((await materialFile(m.id, b))!.type).toBe('application/pdf');
    expect((await listExchanges(b))[0]!.files).toBe(2);

    expect((await undoLastImport(b)).ok).toBe(true);
    expect(await b.files.count()).toBe(0);
    expect(await data(b)).toEqual(before);
  });

  it('travels encrypted, and a wrong passphrase stores nothing', async () => {
    const { a, m, memo } = await deviceWithFiles();
    const b = await newDb();
    const bytes = await zipFrom(a, 'длинная фраза');
    expect(detectEncoding(bytes)).toBe('encrypted');
    const wrong = await decodeBundle(bytes, { passphrase: 'не та фраза' });
    expect(!wrong.ok && wrong.error.kind).toBe('wrongPassphrase');
    const right = await decodeBundle(bytes, { passphrase: 'длинная фраза' });
    expect(right.ok).toBe(true);
    if (!right.ok) return;
    await importInto(b, right.value);
    expect(await bytesOf(b, m.id)).toEqual(memo);
  });

  it('a file already on the device is kept as it is, and a file of a material deleted here is not stored', async () => {
    const { a, m, doc } = await deviceWithFiles();
    const b = await newDb();
    const first = await decodeBundle(await zipFrom(a));
    if (!first.ok) throw new Error(bundleErrorMessage(first.error));
    await importInto(b, first.value);
    // B deletes the memo (newer than A's version); A sends its archive again.
    await removeMaterial(m.id, b);
    const again = await decodeBundle(await zipFrom(a));
    if (!again.ok) throw new Error(bundleErrorMessage(again.error));
    const preview = await previewImport(b, again.value);
    expect(preview.ok && preview.value.files.count).toBe(0);
    await importInto(b, again.value);
    expect(await materialFile(m.id, b)).toBeUndefined();
    expect(await b.files.count()).toBe(1);
    expect(await materialFile(doc.id, b)).toBeDefined();
  });

  it('a scoped or plain bundle carries no files, and a ZIP without files imports like a plain bundle', async () => {
    const { a } = await deviceWithFiles();
    const bundle = await exportBundle(a, { appVersion: '0.1.0' });
    const plain = await decodeBundle(await encodeBundle(bundle));
    expect(plain.ok && plain.value.attachments).toEqual([]);
    const onlyRecords = zipSync({ 'bundle.json': strToU8(JSON.stringify(bundle)) });
    const r = await decodeBundle(onlyRecords);
    expect(r.ok && r.value.attachments).toEqual([]);
  });
});

describe('a damaged or forged archive: a clear message, nothing stored', () => {
  async function setup() {
    const { a, m } = await deviceWithFiles();
    const b = await newDb();
    await seedSchool(b, 'Школа № 14');
    const entries = unzipSync(await zipFrom(a));
    return { a, b, m, entries };
  }

  async function refused(b: NastavnikDb, bytes: Uint8Array, opts: { maxBytes?: number } = {}) {
    const before = await dump(b);
    const r = await decodeBundle(bytes, opts);
    expect(r.ok).toBe(false);
    expect(await dump(b)).toEqual(before);
    return r.ok ? '' : bundleErrorMessage(r.error);
  }

  it('a changed byte in a file is found by its checksum, and the message names the file', async () => {
    const { b, m, entries } = await setup();
    const file = entries[`files/${m.id}`]!.slice();
    file[5] = file[5]! ^ 0xff;
    expect(await refused(b, zipSync({ ...entries, [`files/${m.id}`]: [file, { level: 0 }] }))).toMatch(/«Памятка.pdf».*контрольная сумма не совпадает/);
  });

  it('a changed record inside bundle.json fails the bundle checksum', async () => {
    const { b, entries } = await setup();
    const text = new TextDecoder().decode(entries['bundle.json']).replace('Посторонний', 'Подменённый');
    expect(await refused(b, zipSync({ ...entries, 'bundle.json': strToU8(text) }))).toMatch(/контрольная сумма/);
  });

  it('an extra file, a file without a material, and a missing list are refused', async () => {
    const { b, entries } = await setup();
    expect(await refused(b, zipSync({ ...entries, 'virus.exe': strToU8('MZ') }))).toMatch(/лишний файл «virus.exe»/);
    expect(await refused(b, zipSync({ ...entries, 'files/stranger': strToU8('x') }))).toMatch(/«files\/stranger».*не в списке/);
    const noList = { ...entries };
    delete noList['files.json'];
    expect(await refused(b, zipSync(noList))).toMatch(/нет «files.json»/);
  });

  it('an archive larger unpacked than the limit is refused before unpacking, a cut archive is refused', async () => {
    const { b, entries } = await setup();
    const zip = zipSync(entries);
    // The archive itself fits the limit; what it declares unpacked does not.
    const unpacked = Object.values(entries).reduce((n, e) => n + e.byteLength, 0);
    expect(unpacked).toBeGreaterThan(zip.byteLength + 1);
    expect(await refused(b, zip, { maxBytes: zip.byteLength + 1 })).toMatch(/слишком большой/);
    expect(await refused(b, zip.slice(0, zip.byteLength - 30))).toMatch(/архив не читается|повреждён/);
  });
});
