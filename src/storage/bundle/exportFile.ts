import { bundleFileName, type BundleEncoding } from '../../domain/bundle/fileName';
import type { BundleScope } from '../../domain/bundle/format';
import { getDb } from '../db';
import { encodeBundle } from './codec';
import { bundleAssembler, decodeBundleFile, MAX_IMPORT_BYTES, type ReadProgress, type ReadRequest, type ReadResult, type WorkerMessage } from './readFile';
import { exportBundle, recordExport } from './exportBundle';
import { collectAttachments } from './attachments';
import { shareFileName, SHARE_MIME, wrapAsText } from '../../domain/bundle/textWrap';
import { formatBytes } from '../../domain/text';
import { AppError } from '../../domain/errors';

export { MAX_IMPORT_BYTES, type ReadProgress, type ReadResult } from './readFile';

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

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** «Отмена»: the worker is terminated at once (its memory with it) and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

const aborted = () => new DOMException('Чтение файла отменено', 'AbortError');

/**
 * A picked file → a checked bundle or the reason it is refused. Never throws for bad input; rejects only when
 * cancelled. Reading, decryption, unpacking and the parse gate run in a Web Worker (importWorker.ts), so the page
 * never stalls on a large or hostile file; the checked bundle comes back in pieces (readFile.ts). Where there is no
 * Worker (unit tests under Node or jsdom), or it cannot start, the same decodeBundleFile runs in the page.
 */
export async function readBundleFile(file: Blob, passphrase?: string, opts: ReadOptions = {}): Promise<ReadResult> {
  if (opts.signal?.aborted) throw aborted();
  if (file.size > MAX_IMPORT_BYTES) return decodeBundleFile(file);
  if (typeof Worker === 'undefined') return inPage(file, passphrase, opts);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage(file, passphrase, opts);
  }
  return new Promise<ReadResult>((resolve, reject) => {
    let started = false;
    const assemble = bundleAssembler(opts.onProgress);
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(aborted());
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'started') started = true;
      else if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'crashed') {
        finish();
        resolve({ ok: false, error: { kind: 'notABundle', detail: `внутренняя ошибка проверки (${m.message})` }, encrypted: false });
      } else {
        const r = assemble(m);
        if (r) {
          finish();
          resolve(r);
        }
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      // The worker's script did not load (an old service worker's cache, a browser that refuses module workers):
      // the page reads the file itself. Once it had started, the failure is the file's (out of memory, say).
      if (!started) inPage(file, passphrase, opts).then(resolve, reject);
      else resolve({ ok: false, error: { kind: 'notABundle', detail: `файл не удалось проверить (${e.message || 'сбой при чтении'})` }, encrypted: false });
    };
    const request: ReadRequest = { file, ...(passphrase ? { passphrase } : {}) };
    worker.postMessage(request);
  });
}

async function inPage(file: Blob, passphrase: string | undefined, opts: ReadOptions): Promise<ReadResult> {
  const r = await decodeBundleFile(file, passphrase, opts.onProgress);
  if (opts.signal?.aborted) throw aborted();
  return r;
}
