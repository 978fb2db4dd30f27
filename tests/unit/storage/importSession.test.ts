import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { openImport } from '../../../src/storage/bundle/importSession';
import { getDb } from '../../../src/storage/db';
import { sampleBundle } from '../domain/bundle/sampleData';
import { dump } from './bundleHelpers';

afterEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const fileOf = (bytes: Uint8Array) => ({ name: 'школа.json.gz', size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }) as unknown as File;

// Under Node there is no Worker: these run the same steps in the page (importSession.ts's fallback); the worker
// itself is driven by tests/e2e/import.spec.ts in Chromium.
describe('openImport: a picked file → a preview, then «Применить»', () => {
  it('previews without writing, and writes only on apply', async () => {
    const bundle = await sampleBundle();
    const stages: string[] = [];
    const before = await dump(getDb());
    const r = await openImport(fileOf(new Uint8Array(gzipSync(Buffer.from(serializeBundle(bundle))))), undefined, { onProgress: (p) => stages.push(p.stage) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.header.school.name).toBe(bundle.header.school.name);
    expect(r.value.preview.total.new).toBeGreaterThan(0);
    expect(stages).toContain('preview');
    expect(await dump(getDb())).toEqual(before);
    const report = await r.value.apply();
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    expect(report.value.total.new).toBe(r.value.preview.total.new);
    expect(await getDb().people.count()).toBe(bundle.tables.people?.length);
  });

  it('refuses a file that is not a bundle and changes nothing', async () => {
    const before = await dump(getDb());
    const r = await openImport(fileOf(new TextEncoder().encode('{"не файл обмена": true}')));
    expect(r.ok).toBe(false);
    expect(await dump(getDb())).toEqual(before);
  });

  it('rejects with an AbortError when cancelled before it starts', async () => {
    const control = new AbortController();
    control.abort();
    await expect(openImport(fileOf(new Uint8Array([1, 2, 3])), undefined, { signal: control.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
