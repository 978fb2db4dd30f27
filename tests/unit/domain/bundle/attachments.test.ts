import { describe, expect, it } from 'vitest';
import { checkArchiveDirectory, checkAttachmentBytes, attachmentsToStore, filesFitBundle, materialsWithFiles, sha256Bytes, type ArchiveEntryInfo } from '../../../../src/domain/bundle/attachments';
import { checkManifest } from '../../../../src/domain/bundle/attachments.schema';
import { bundleErrorMessage } from '../../../../src/domain/bundle/errors';
import type { VersionedRecord } from '../../../../src/domain/merge';

const material = (id: string, size: number, deleted = false) =>
  ({ id, size, deleted, fileName: `${id}.pdf`, createdAt: '', updatedAt: '', hlc: '', vv: {} }) as unknown as VersionedRecord & { size: number };
const entry = (id: string, size: number) => ({ id, fileName: `${id}.pdf`, mimeType: 'application/pdf', size, sha256: 'a'.repeat(64) });
const dir = (...e: [string, number][]): ArchiveEntryInfo[] => e.map(([name, size]) => ({ name, size }));

describe('the archive directory, checked before unpacking', () => {
  it('accepts the bundle, the list and files under files/', () => {
    expect(checkArchiveDirectory(dir(['bundle.json', 10], ['files.json', 5], ['files/m1', 100]), 1000).ok).toBe(true);
  });

  it.each([
    ['no bundle.json', dir(['files.json', 5]), /нет «bundle.json»/],
    ['a stray entry', dir(['bundle.json', 1], ['../../etc/passwd', 1]), /лишний файл «..\/..\/etc\/passwd»/],
    ['a key that reaches the prototype', dir(['bundle.json', 1], ['__proto__', 1]), /лишний файл «__proto__»/],
    ['a nested path under files/', dir(['bundle.json', 1], ['files/a/b', 1]), /лишний файл/],
    ['the same name twice', dir(['bundle.json', 1], ['bundle.json', 1]), /дважды/],
  ])('refuses %s, naming it', (_, entries, message) => {
    const r = checkArchiveDirectory(entries, 1000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(bundleErrorMessage(r.error)).toMatch(message);
  });

  it('refuses an archive that declares more than the limit unpacked (a zip bomb) before unpacking it', () => {
    const r = checkArchiveDirectory(dir(['bundle.json', 600], ['files/m1', 500]), 1000);
    expect(r).toEqual({ ok: false, error: { kind: 'tooLarge', bytes: 1100, limit: 1000 } });
  });
});

describe('the list of files against the bundle', () => {
  const materials = [material('m1', 100), material('m2', 50), material('gone', 10, true)];
  const entries = dir(['bundle.json', 1], ['files.json', 1], ['files/m1', 100], ['files/m2', 50]);

  it('returns the listed files when each belongs to a live material of its size', () => {
    const r = checkManifest({ files: [entry('m1', 100), entry('m2', 50)] }, materials, entries);
    expect(r.ok && r.value.map((f) => f.id)).toEqual(['m1', 'm2']);
  });

  it.each([
    ['a file of no material', { files: [entry('m1', 100), entry('m2', 50), entry('x', 1)] }, /«x.pdf».*нет материала/],
    ['a file of a deleted material', { files: [entry('m1', 100), entry('m2', 50), entry('gone', 10)] }, /«gone.pdf».*нет материала/],
    ['a size other than the record says', { files: [entry('m1', 99), entry('m2', 50)] }, /«m1.pdf».*размер 99 Б, а у материала указано 100 Б/],
    ['a file listed twice', { files: [entry('m1', 100), entry('m1', 100), entry('m2', 50)] }, /«m1.pdf».*дважды/],
    ['a file in the archive but not in the list', { files: [entry('m1', 100)] }, /«files\/m2».*не в списке/],
    ['a bad checksum field', { files: [{ ...entry('m1', 100), sha256: 'zz' }] }, /список файлов материалов неверен \(files.0.sha256\)/],
    ['an unknown key', { files: [], extra: 1 }, /список файлов материалов неверен/],
  ])('refuses %s, naming the file', (_, manifest, message) => {
    const r = checkManifest(manifest, materials, entries);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(bundleErrorMessage(r.error)).toMatch(message);
  });

  it('refuses a listed file missing from the archive, or of another size there', () => {
    const missing = checkManifest({ files: [entry('m1', 100)] }, materials, dir(['bundle.json', 1]));
    expect(!missing.ok && bundleErrorMessage(missing.error)).toMatch(/«m1.pdf».*его нет в архиве/);
    const other = checkManifest({ files: [entry('m1', 100)] }, materials, dir(['bundle.json', 1], ['files/m1', 7]));
    expect(!other.ok && bundleErrorMessage(other.error)).toMatch(/«m1.pdf».*в архиве 7 Б вместо 100 Б/);
  });
});

describe('the bytes of a file', () => {
  const bytes = new TextEncoder().encode('%PDF-1.4 памятка наставника');

  it('pass when size and SHA-256 match, and a changed byte is refused', async () => {
    const good = { ...entry('m1', bytes.byteLength), sha256: await sha256Bytes(bytes) };
    const r = await checkAttachmentBytes(good, bytes);
    expect(r.ok && r.value.bytes).toBe(bytes);
    const changed = bytes.slice();
    changed[3] = changed[3]! ^ 1;
    const bad = await checkAttachmentBytes(good, changed);
    expect(!bad.ok && bundleErrorMessage(bad.error)).toMatch(/«m1.pdf».*контрольная сумма не совпадает/);
    const short = await checkAttachmentBytes(good, bytes.slice(1));
    expect(!short.ok && bundleErrorMessage(short.error)).toMatch(/не тот размер/);
  });

  it('SHA-256 is the standard one', async () => {
    expect(await sha256Bytes(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('which files a whole-school bundle can carry', () => {
  it('live materials with a file here; the others are counted as missing, deleted ones not at all', () => {
    const r = materialsWithFiles([material('m1', 100), material('m2', 50), material('m3', 7), material('gone', 10, true)], new Set(['m1', 'm3', 'gone']));
    expect(r.items.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(r.bytes).toBe(107);
    expect(r.missing).toBe(1);
  });
});

describe('files on import and on export', () => {
  it('stores a file only for a material alive after the merge, of its size, that the device lacks', () => {
    const a = (id: string, size: number) => ({ id, size });
    const after = new Map<string, { deleted?: boolean; size?: unknown }>([
      ['new', { size: 10 }],
      ['gone', { size: 10, deleted: true }],
      ['other-size', { size: 11 }],
      ['held', { size: 10 }],
    ]);
    const kept = attachmentsToStore([a('new', 10), a('gone', 10), a('other-size', 10), a('held', 10), a('unknown', 10)], (id) => after.get(id), (id) => id === 'held');
    expect(kept.map((x) => x.id)).toEqual(['new']);
  });

  it('leaves a tenth of the importing device’s limit for the records', () => {
    expect(filesFitBundle(90, 100)).toBe(true);
    expect(filesFitBundle(91, 100)).toBe(false);
  });
});
