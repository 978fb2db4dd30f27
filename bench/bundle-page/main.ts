// The bundle benchmark's page: the app's own storage code (src/storage/bundle) on real IndexedDB in Chromium.
// bench/bundle.mjs builds this page with Vite, serves it with the synthetic school at /school.json, and calls
// window.bench.run() once per run. Every figure is measured here with performance.now(); memory is sampled from
// outside through CDP. The baseline's database has the app's stores and none of its code (bench/lib/bareDb.ts):
// since the write path validates every record a NastavnikDb stores, a bulkPut into one is no baseline any more.
import { NastavnikDb, SYNCED_TABLES, type GenericRecord } from '../../src/storage/db';
import { decodeBundle, encodeBundle } from '../../src/storage/bundle/codec';
import { exportBundle } from '../../src/storage/bundle/exportBundle';
import { applyImport, previewImport } from '../../src/storage/bundle/importBundle';
import { collectAttachments } from '../../src/storage/bundle/attachments';
import { bareBulkPut, dropBareDb, openBareDb } from '../lib/bareDb';

type Tables = Record<string, GenericRecord[]>;

async function fresh(name: string): Promise<NastavnikDb> {
  await NastavnikDb.delete(name);
  const db = new NastavnikDb(name);
  await db.open();
  return db;
}

/** The same records written through the app's write path (which validates each one), per table, in one transaction. */
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

  // The baseline: the same records, a bare bulkPut per table in one transaction, into an empty bare database.
  const baseline = await openBareDb(`bench-base-${runNo}`);
  const bulkPutEmptyMs = await bareBulkPut(baseline, tables);
  await dropBareDb(baseline);

  for (const db of [src, dst]) {
    db.close();
    await NastavnikDb.delete(db.name);
  }
  return {
    records,
    bytes: { plain: plain.length, gzip: gzip.length, encrypted: encrypted.length },
    ms: {
      bulkPut: bulkPutEmptyMs,
      /** The same bulkPut into an empty NastavnikDb: through the write path, every record validated. */
      bulkPutWritePath: bulkPutMs,
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

/** Incompressible bytes, like the PDFs and photos schools keep (deterministic, so runs compare). */
function noise(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
    out[i + 1] = (x >>> 8) & 255;
    out[i + 2] = (x >>> 16) & 255;
    out[i + 3] = (x >>> 24) & 255;
  }
  return out;
}

/**
 * The whole school plus `fileCount` materials of `fileBytes` each, exported «вместе с файлами» as a ZIP and imported
 * into an empty database. Baseline in the same run: a bare bulkPut of the same records and the same Blobs.
 */
async function runFiles(runNo: number, fileCount: number, fileBytes: number) {
  const tables = ((await (await fetch('/school.json')).json()) as { tables: Tables }).tables;
  const src = await fresh(`bench-fsrc-${runNo}`);
  await bulkPutAll(src, tables);
  const template = tables.materials?.[0];
  const now = new Date().toISOString();
  const materials: GenericRecord[] = [];
  const files: { id: string; blob: Blob }[] = [];
  for (let i = 0; i < fileCount; i++) {
    const id = `bench-file-${i}`;
    const hlc = `${Date.now().toString(36).padStart(11, '0')}:${i.toString(36).padStart(5, '0')}:bench0000000`;
    materials.push({
      ...(template ?? {}),
      id,
      createdAt: now,
      updatedAt: now,
      hlc,
      vv: { bench0000000: 1 },
      deleted: false,
      writes: [`${hlc}#1`],
      title: `Материал ${i + 1}`,
      description: '',
      audience: 'all',
      formIds: [],
      fileName: `Материал ${i + 1}.pdf`,
      mimeType: 'application/pdf',
      size: fileBytes,
      roadmapTaskId: '',
    } as GenericRecord);
    files.push({ id, blob: new Blob([noise(fileBytes, i + 1)], { type: 'application/pdf' }) });
  }
  await src.transaction('rw', src.materials, src.files, async () => {
    await src.syncedTable('materials').bulkPut(materials);
    await src.files.bulkPut(files);
  });

  const [bundle, exportMs] = await timed(() => exportBundle(src, { appVersion: 'bench' }));
  const [attachments, collectMs] = await timed(() => collectAttachments(src, bundle));
  const [zip, zipMs] = await timed(() => encodeBundle(bundle, { files: attachments }));
  const [encrypted, encryptMs] = await timed(() => encodeBundle(bundle, { files: attachments, passphrase: 'школа-2025-секрет' }));
  const [parsed, decodeMs] = await timed(() => decodeBundle(zip));
  if (!parsed.ok) throw new Error(`decode: ${JSON.stringify(parsed.error).slice(0, 300)}`);
  const [, decryptMs] = await timed(() => decodeBundle(encrypted, { passphrase: 'школа-2025-секрет' }));
  const dst = await fresh(`bench-fdst-${runNo}`);
  const [preview, previewMs] = await timed(() => previewImport(dst, parsed.value));
  const [applied, applyMs] = await timed(() => applyImport(dst, parsed.value));
  if (!preview.ok || !applied.ok) throw new Error('import failed');
  const stored = await dst.files.count();
  // Kept for importZipAlone, which the driver calls after a garbage collection, to see the receiving phone's memory.
  lastZip = zip;

  // Baseline: the same records and the same files, written bare (a database with the app's stores, none of its code).
  const base = await openBareDb(`bench-fbase-${runNo}`);
  const t0 = performance.now();
  await base.transaction('rw', [...SYNCED_TABLES, 'files'], async () => {
    for (const t of SYNCED_TABLES) if (tables[t]?.length) await base.table(t).bulkPut(tables[t]!);
    await base.table('materials').bulkPut(materials);
    await base.table('files').bulkPut(parsed.value.attachments.map((a) => ({ id: a.id, blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }) })));
  });
  const bulkPutMs = performance.now() - t0;
  await dropBareDb(base);

  for (const db of [src, dst]) {
    db.close();
    await NastavnikDb.delete(db.name);
  }
  return {
    files: stored,
    bytes: { zip: zip.length, encrypted: encrypted.length },
    ms: {
      bulkPut: bulkPutMs,
      export: exportMs,
      collect: collectMs,
      encodeZip: zipMs,
      encodeEncrypted: encryptMs,
      decodeZip: decodeMs,
      decodeEncrypted: decryptMs,
      preview: previewMs,
      apply: applyMs,
    },
  };
}

let lastZip: Uint8Array | null = null;

/** The receiving phone alone: the ZIP file's bytes → checked → imported into an empty database. */
async function importZipAlone(runNo: number) {
  const db = await fresh(`bench-falone-${runNo}`);
  const t0 = performance.now();
  const parsed = await decodeBundle(lastZip!);
  if (!parsed.ok) throw new Error('decode failed');
  const applied = await applyImport(db, parsed.value);
  if (!applied.ok) throw new Error('import failed');
  const ms = performance.now() - t0;
  db.close();
  await NastavnikDb.delete(db.name);
  return { ms };
}

/** Called by the driving script through page.evaluate. */
(window as unknown as { bench: { run: typeof run; runFiles: typeof runFiles; importZipAlone: typeof importZipAlone } }).bench = {
  run,
  runFiles,
  importZipAlone,
};
document.getElementById('state')!.textContent = 'ready';
