import type { BundleError } from '../../domain/bundle/errors';
import { bundleFileName, type BundleEncoding } from '../../domain/bundle/fileName';
import type { BundleScope, ParsedBundle } from '../../domain/bundle/format';
import { err, type Result } from '../../domain/bundle/result';
import { MAX_BUNDLE_BYTES } from '../../domain/bundle/safeJson';
import { getDb } from '../db';
import { decodeBundle, detectEncoding, encodeBundle } from './codec';
import { exportBundle, recordExport } from './exportBundle';
import { collectAttachments } from './attachments';
import { shareFileName, SHARE_MIME, wrapAsText } from '../../domain/bundle/textWrap';
import { formatBytes } from '../../domain/text';
import { AppError } from '../../domain/errors';

/** The largest file the import even reads; the parse gate has its own, finer limits. */
export const MAX_IMPORT_BYTES = MAX_BUNDLE_BYTES;

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  encoding: BundleEncoding;
  records: number;
  /** Files of materials inside. */
  files: number;
  bundle: Awaited<ReturnType<typeof exportBundle>>;
  bytes: Uint8Array;
}

/**
 * Reads the data of `scope` into a file: gzip, or a ZIP archive when the files of materials go too (whole school
 * only), encrypted when a passphrase is given. Refuses a file the other device could not import.
 */
export async function makeExportFile(scope: BundleScope, passphrase: string, withFiles = false, changesFor?: string): Promise<ExportedFile> {
  const db = getDb();
  const bundle = await exportBundle(db, { scope, appVersion: __APP_VERSION__, ...(changesFor ? { changesFor } : {}) });
  const files = withFiles && scope.kind === 'school' ? await collectAttachments(db, bundle) : [];
  const encoding: BundleEncoding = passphrase ? 'encrypted' : files.length ? 'zip' : 'gzip';
  const bytes = await encodeBundle(bundle, { ...(passphrase ? { passphrase } : {}), files });
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new AppError(
      'tooLarge',
      `получилось ${formatBytes(bytes.byteLength)}, а другое устройство примет не больше ${formatBytes(MAX_IMPORT_BYTES)}. Сохраните файл обмена без файлов материалов, а крупные файлы передайте отдельно`,
    );
  const type = passphrase ? 'application/octet-stream' : files.length ? 'application/zip' : 'application/gzip';
  const records = Object.values(bundle.tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
  return { blob: new Blob([bytes], { type }), fileName: bundleFileName(bundle.header, encoding), encoding, records, files: files.length, bundle, bytes };
}

/** The export as text that Android's share sheet accepts (src/domain/bundle/textWrap.ts). */
export function shareableFile(file: ExportedFile): File {
  return new File([wrapAsText(file.bytes)], shareFileName(file.fileName), { type: SHARE_MIME });
}

/** Writes the export into the history once the file has left the app. */
export async function noteExport(file: ExportedFile): Promise<void> {
  await recordExport(getDb(), file.bundle, { fileName: file.fileName, encoding: file.encoding, bytes: file.blob.size, ...(file.files ? { files: file.files } : {}) });
}

export type ReadResult = Result<ParsedBundle, BundleError> & { encrypted: boolean };

/** A picked file → a checked bundle or the reason it is refused. Never throws for bad input. */
export async function readBundleFile(file: Blob, passphrase?: string): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ...err({ kind: 'tooLarge', bytes: file.size, limit: MAX_IMPORT_BYTES }), encrypted: false };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const encrypted = detectEncoding(bytes) === 'encrypted';
  const r = await decodeBundle(bytes, passphrase ? { passphrase } : {});
  return { ...r, encrypted };
}
