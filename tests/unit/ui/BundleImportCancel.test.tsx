// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { BundleImport } from '../../../src/ui/BundleImport';
import { gzipSync } from 'node:zlib';
import { serializeBundle, type Bundle } from '../../../src/domain/bundle/format';
import { readBundleFile } from '../../../src/storage/bundle/exportFile';
import { bundleAssembler, bundleMessages, ROWS_PER_MESSAGE, type WorkerMessage } from '../../../src/storage/bundle/readFile';
import { getDb } from '../../../src/storage/db';
import { sampleBundle } from '../domain/bundle/sampleData';
import { dump } from '../storage/bundleHelpers';

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** The bundle as «Обмен» saves it (gzip; jsdom's Blob has no stream() for CompressionStream, so Node's zlib). */
const encodeBundle = async (b: Bundle) => new Uint8Array(gzipSync(Buffer.from(serializeBundle(b))));

/** jsdom's File has no arrayBuffer(); the reader needs the size and the bytes. */
const fileOf = (bytes: Uint8Array) => ({ name: 'школа.json.gz', size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }) as unknown as File;
const pick = (file: File) => fireEvent.change(screen.getByLabelText('Файл обмена'), { target: { files: [file] } });

describe('the import: «Отмена» leaves the database untouched', () => {
  it('while the file is read, and at the preview', async () => {
    const bytes = await encodeBundle(await sampleBundle());
    const before = await dump(getDb());
    let imported = 0;
    render(<BundleImport onImported={() => imported++} />);

    pick(fileOf(bytes));
    expect(screen.getByRole('status').textContent).toContain('Проверяем файл');
    expect(screen.getByRole('progressbar', { name: 'Ход проверки файла' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The read that was cancelled never reaches the preview.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('heading', { name: 'Что изменится' })).toBeNull();

    pick(fileOf(bytes));
    await screen.findByRole('heading', { name: 'Что изменится' });
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Что изменится' })).toBeNull());
    expect(imported).toBe(0);
    expect(await dump(getDb())).toEqual(before);
  });

  it('readBundleFile rejects with an AbortError once cancelled, and a read not cancelled still opens', async () => {
    const bytes = await encodeBundle(await sampleBundle());
    const control = new AbortController();
    const pending = readBundleFile(fileOf(bytes), undefined, { signal: control.signal });
    control.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const stages: string[] = [];
    const r = await readBundleFile(fileOf(bytes), undefined, { onProgress: (p) => stages.push(p.stage) });
    expect(r.ok).toBe(true);
    expect(stages).toEqual(expect.arrayContaining(['reading', 'inflating', 'checking']));
  });
});

describe('the worker hands the bundle over in pieces', () => {
  it('messages of at most ROWS_PER_MESSAGE records, each cloned, assemble into the same bundle', async () => {
    const b = await sampleBundle();
    const many = Array.from({ length: ROWS_PER_MESSAGE * 2 + 5 }, (_, i) => ({ ...b.tables.people![0]!, id: `p-${i}` }));
    const r = await readBundleFile(fileOf(await encodeBundle(b)));
    if (!r.ok) throw new Error(r.error.kind);
    const big = { ...r, value: { ...r.value, tables: { ...r.value.tables, people: many } } };
    const messages: WorkerMessage[] = [];
    bundleMessages(big, (m) => messages.push(structuredClone(m)));
    const rows = messages.filter((m) => m.type === 'rows');
    expect(Math.max(...rows.map((m) => (m.type === 'rows' ? m.rows.length : 0)))).toBe(ROWS_PER_MESSAGE);
    const received: number[] = [];
    const assemble = bundleAssembler((p) => received.push(p.done ?? 0));
    const results = messages.map(assemble).filter((x) => x !== null);
    expect(results).toHaveLength(1);
    expect(results[0]).toEqual(big);
    expect(received.at(-1)).toBe(Object.values(big.value.tables).reduce((n, t) => n + (t?.length ?? 0), 0) + big.value.conflicts.length);
  });
});
