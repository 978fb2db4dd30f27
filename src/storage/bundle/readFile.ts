import type { BundleError } from '../../domain/bundle/errors';
import type { BundleHeader, KeptValueEntry, ParsedBundle, SyncedTables } from '../../domain/bundle/format';
import type { BundleAttachment } from '../../domain/bundle/attachments';
import { err, type Result } from '../../domain/bundle/result';
import { MAX_BUNDLE_BYTES } from '../../domain/bundle/safeJson';
import type { SyncedTable } from '../../domain/syncedTables';
import { decodeBundle, detectEncoding, type DecodeProgress } from './codec';
import type { ImportPreview, ImportReport } from './importBundle';

/**
 * A picked file → a checked bundle: the part of the import that runs in the import worker (importWorker.ts), or in
 * the page itself where there is no Worker (unit tests). Nothing here touches the database.
 */

/** The largest file the import even reads; the parse gate has its own, finer limits. */
export const MAX_IMPORT_BYTES = MAX_BUNDLE_BYTES;
/** The file is read in pieces of this size, so the progress bar moves while a large file is read. */
const READ_SLICE_BYTES = 1024 * 1024;

/** Where a read is: the decoder's stages, and before them the file's bytes being read, after them the bundle's
 *  records arriving in the page from the worker. `done`/`total` in bytes, records for «receiving». */
export interface ReadProgress {
  stage: 'reading' | DecodeProgress['stage'] | 'receiving' | 'preview';
  done?: number;
  total?: number;
  produced?: number;
}

export type ReadResult = Result<ParsedBundle, BundleError> & { encrypted: boolean };

async function readBytes(file: Blob, onProgress?: (p: ReadProgress) => void): Promise<Uint8Array<ArrayBuffer>> {
  // jsdom's File and test doubles may have arrayBuffer() only.
  if (typeof file.slice !== 'function' || file.size <= READ_SLICE_BYTES) return new Uint8Array(await file.arrayBuffer());
  const out = new Uint8Array(file.size);
  for (let at = 0; at < file.size; at += READ_SLICE_BYTES) {
    out.set(new Uint8Array(await file.slice(at, Math.min(at + READ_SLICE_BYTES, file.size)).arrayBuffer()), at);
    onProgress?.({ stage: 'reading', done: Math.min(at + READ_SLICE_BYTES, file.size), total: file.size });
  }
  return out;
}

/** Never throws for bad input. */
export async function decodeBundleFile(file: Blob, passphrase?: string, onProgress?: (p: ReadProgress) => void): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ...err({ kind: 'tooLarge', bytes: file.size, limit: MAX_IMPORT_BYTES }), encrypted: false };
  onProgress?.({ stage: 'reading', done: 0, total: file.size });
  const bytes = await readBytes(file, onProgress);
  const encrypted = detectEncoding(bytes) === 'encrypted';
  const r = await decodeBundle(bytes, { ...(passphrase ? { passphrase } : {}), ...(onProgress ? { onProgress } : {}) });
  return { ...r, encrypted };
}

// ---- the worker's messages ------------------------------------------------------------------------------------

export interface ReadRequest {
  file: Blob;
  passphrase?: string;
}

/** A whole import held by the worker (importSession.ts): read and preview, then «Применить». */
export type SessionRequest = { type: 'import'; file: Blob; passphrase?: string } | { type: 'apply' };

/** Records go in pieces of this many (2,000 gave 141–371 ms tasks in the page on 204,178 records), each its own message: the page never deserialises a whole school at once. */
export const ROWS_PER_MESSAGE = 500;

export type WorkerMessage =
  | { type: 'started' }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'failed'; error: BundleError; encrypted: boolean }
  | { type: 'checked'; records: number; tables: SyncedTable[] }
  | { type: 'rows'; table: SyncedTable | 'conflicts'; rows: unknown[] }
  | {
      type: 'done';
      encrypted: boolean;
      header: BundleHeader;
      ignoredTables: string[];
      migrationsApplied: ParsedBundle['migrationsApplied'];
      attachments: BundleAttachment[];
    }
  | { type: 'crashed'; message: string }
  | { type: 'previewed'; encrypted: boolean; header: BundleHeader; attachments: number; preview: ImportPreview }
  | { type: 'applied'; result: Result<ImportReport, BundleError> };

/** The worker's side: a checked bundle as a sequence of messages (attachments' buffers transferred, not copied). */
export function bundleMessages(r: ReadResult, post: (m: WorkerMessage, transfer?: Transferable[]) => void): void {
  if (!r.ok) return post({ type: 'failed', error: r.error, encrypted: r.encrypted });
  const b = r.value;
  const tables = Object.keys(b.tables) as SyncedTable[];
  const records = tables.reduce((n, t) => n + (b.tables[t]?.length ?? 0), 0) + b.conflicts.length;
  post({ type: 'checked', records, tables });
  const send = (table: SyncedTable | 'conflicts', rows: readonly unknown[]) => {
    for (let at = 0; at < rows.length; at += ROWS_PER_MESSAGE) post({ type: 'rows', table, rows: rows.slice(at, at + ROWS_PER_MESSAGE) });
  };
  for (const t of tables) send(t, b.tables[t] ?? []);
  send('conflicts', b.conflicts);
  const buffers = [...new Set(b.attachments.map((a) => a.bytes.buffer))].filter((x): x is ArrayBuffer => x instanceof ArrayBuffer);
  post({ type: 'done', encrypted: r.encrypted, header: b.header, ignoredTables: b.ignoredTables, migrationsApplied: b.migrationsApplied, attachments: b.attachments }, buffers);
}

/** The page's side: collects the messages back into the bundle. Returns the result on the last one. */
export function bundleAssembler(onProgress?: (p: ReadProgress) => void) {
  let tables: Partial<Record<SyncedTable, unknown[]>> = {};
  let conflicts: unknown[] = [];
  let total = 0;
  let received = 0;
  return (m: WorkerMessage): ReadResult | null => {
    switch (m.type) {
      case 'failed':
        return { ok: false, error: m.error, encrypted: m.encrypted };
      case 'checked':
        total = m.records;
        tables = Object.fromEntries(m.tables.map((t) => [t, []]));
        conflicts = [];
        return null;
      case 'rows': {
        const list = m.table === 'conflicts' ? conflicts : (tables[m.table] ??= []);
        for (const row of m.rows) list.push(row);
        received += m.rows.length;
        onProgress?.({ stage: 'receiving', done: received, total });
        return null;
      }
      case 'done':
        return {
          ok: true,
          encrypted: m.encrypted,
          value: {
            header: m.header,
            tables: tables as SyncedTables,
            conflicts: conflicts as KeptValueEntry[],
            ignoredTables: m.ignoredTables,
            migrationsApplied: m.migrationsApplied,
            attachments: m.attachments,
          },
        };
      default:
        return null;
    }
  };
}
