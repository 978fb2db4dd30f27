// The bundle benchmark's page: the app's own storage code (src/storage/bundle) on real IndexedDB in Chromium.
// bench/bundle.mjs builds this page with Vite, serves it with the synthetic school at /school.json, and calls
// window.bench.run() once per run. Every figure is measured here with performance.now(); memory is sampled from
// outside through CDP.
import { NastavnikDb, SYNCED_TABLES, type GenericRecord } from '../../src/storage/db';
import { decodeBundle, encodeBundle } from '../../src/storage/bundle/codec';
import { exportBundle } from '../../src/storage/bundle/exportBundle';
import { applyImport, previewImport } from '../../src/storage/bundle/importBundle';

type Tables = Record<string, GenericRecord[]>;

async function fresh(name: string): Promise<NastavnikDb> {
  await NastavnikDb.delete(name);
  const db = new NastavnikDb(name);
  await db.open();
  return db;
}

/** The baseline: the same records written with a bare bulkPut per table, in one transaction. */
async function bulkPutAll(db: NastavnikDb, tables: Tables): Promise<number> {
  const t0 = performance.now();
  await db.transaction('rw', [...SYNCED_TABLES], async () => {
    for (const t of SYNCED_TABLES) if (tables[t]?.length) await db.syncedTable(t).bulkPut(tables[t]!);
  });
  return performance.now() - t0;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

async function run(runNo: number) {
  const tables = ((await (await fetch('/school.json')).json()) as { tables: Tables }).tables;
  const records = Object.values(tables).reduce((n, rows) => n + rows.length, 0);

  const src = await fresh(`bench-src-${runNo}`);
  const bulkPutMs = await bulkPutAll(src, tables);

  const [bundle, exportMs] = await timed(() => exportBundle(src, { appVersion: 'bench' }));
  const [plain, plainMs] = await timed(() => encodeBundle(bundle, { compress: false }));
  const [gzip, gzipMs] = await timed(() => encodeBundle(bundle));
  const [encrypted, encryptMs] = await timed(() => encodeBundle(bundle, { passphrase: 'школа-2025-секрет' }));

  const [parsed, decodeMs] = await timed(() => decodeBundle(gzip));
  if (!parsed.ok) throw new Error(`decode: ${JSON.stringify(parsed.error).slice(0, 300)}`);
  const [, decryptMs] = await timed(() => decodeBundle(encrypted, { passphrase: 'школа-2025-секрет' }));

  const dst = await fresh(`bench-dst-${runNo}`);
  const [previewEmpty, previewEmptyMs] = await timed(() => previewImport(dst, parsed.value));
  const [appliedEmpty, applyEmptyMs] = await timed(() => applyImport(dst, parsed.value));
  if (!previewEmpty.ok || !appliedEmpty.ok) throw new Error('import into the empty database failed');
  const [previewSame, previewSameMs] = await timed(() => previewImport(src, parsed.value));
  const [appliedSame, applySameMs] = await timed(() => applyImport(src, parsed.value));
  if (!previewSame.ok || !appliedSame.ok) throw new Error('import into the same data failed');

  const baseline = await fresh(`bench-base-${runNo}`);
  const bulkPutEmptyMs = await bulkPutAll(baseline, tables);

  for (const db of [src, dst, baseline]) {
    db.close();
    await NastavnikDb.delete(db.name);
  }
  return {
    records,
    bytes: { plain: plain.length, gzip: gzip.length, encrypted: encrypted.length },
    ms: {
      bulkPut: bulkPutEmptyMs,
      bulkPutFirst: bulkPutMs,
      export: exportMs,
      encodePlain: plainMs,
      encodeGzip: gzipMs,
      encodeEncrypted: encryptMs,
      decodeGzip: decodeMs,
      decodeEncrypted: decryptMs,
      previewEmpty: previewEmptyMs,
      applyEmpty: applyEmptyMs,
      previewSame: previewSameMs,
      applySame: applySameMs,
    },
    outcomes: { empty: appliedEmpty.value.total, same: appliedSame.value.total },
  };
}

/** Called by the driving script through page.evaluate. */
(window as unknown as { bench: { run: typeof run } }).bench = { run };
document.getElementById('state')!.textContent = 'ready';
