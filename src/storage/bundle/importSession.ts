import type { BundleError } from '../../domain/bundle/errors';
import type { BundleHeader, ParsedBundle } from '../../domain/bundle/format';
import type { Result } from '../../domain/bundle/result';
import { getDb } from '../db';
import { applyImport, previewImport, type ImportPreview, type ImportReport } from './importBundle';
import { decodeBundleFile, MAX_IMPORT_BYTES, type ReadProgress, type SessionRequest, type WorkerMessage } from './readFile';

/**
 * An import from a picked file, held by the import worker from the first byte to the last write (issue 14): the
 * worker reads, decrypts, unpacks (capped), checks, compares with this device's database (the preview) and, on
 * «Применить», merges and writes in its own connection to the same IndexedDB. The page receives only the preview
 * and the file's header — never the records — so no step of even a 200,000-record file runs on the page's thread,
 * and the live queries of the page see the writes through Dexie's cross-context notifications. «Отмена» terminates
 * the worker and everything it held goes with it. Where there is no Worker (unit tests) the same steps run in the page.
 */
export interface ImportSession {
  encrypted: boolean;
  header: BundleHeader;
  /** Files of materials in the file. */
  attachments: number;
  preview: ImportPreview;
  /** Merges and writes the file in one transaction; resolves with the report, or the reason nothing was written. */
  apply(): Promise<Result<ImportReport, BundleError>>;
  /** Releases the file (terminates the worker). */
  close(): void;
}

export type OpenedImport = { ok: true; value: ImportSession } | { ok: false; error: BundleError; encrypted: boolean };

export interface OpenOptions {
  onProgress?: (p: ReadProgress) => void;
  /** «Отмена»: the worker is terminated at once and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

const aborted = () => new DOMException('Чтение файла отменено', 'AbortError');

function sessionOf(bundle: ParsedBundle, encrypted: boolean, preview: ImportPreview): ImportSession {
  return {
    encrypted,
    header: bundle.header,
    attachments: bundle.attachments.length,
    preview,
    apply: () => applyImport(getDb(), bundle),
    close: () => undefined,
  };
}

/** The same steps in the page: for a runtime without Worker, or when the worker's script does not load. */
async function inPage(file: Blob, passphrase: string | undefined, opts: OpenOptions): Promise<OpenedImport> {
  const r = await decodeBundleFile(file, passphrase, opts.onProgress);
  if (opts.signal?.aborted) throw aborted();
  if (!r.ok) return { ok: false, error: r.error, encrypted: r.encrypted };
  opts.onProgress?.({ stage: 'preview' });
  const p = await previewImport(getDb(), r.value);
  if (opts.signal?.aborted) throw aborted();
  return p.ok ? { ok: true, value: sessionOf(r.value, r.encrypted, p.value) } : { ok: false, error: p.error, encrypted: r.encrypted };
}

/** Never throws for bad input; rejects only when cancelled. */
export async function openImport(file: Blob, passphrase?: string, opts: OpenOptions = {}): Promise<OpenedImport> {
  if (opts.signal?.aborted) throw aborted();
  if (file.size > MAX_IMPORT_BYTES || typeof Worker === 'undefined') return inPage(file, passphrase, opts);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPage(file, passphrase, opts);
  }
  return new Promise<OpenedImport>((resolve, reject) => {
    let started = false;
    let applying: { done: (r: Result<ImportReport, BundleError>) => void; fail: (e: Error) => void } | null = null;
    const stop = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(aborted());
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const broken = (detail: string) => {
      // A fault while writing is not the file's: the page says «Импорт не выполнен, данные не изменены» with it.
      if (applying) applying.fail(new Error(detail));
      else resolve({ ok: false, error: { kind: 'notABundle', detail }, encrypted: false });
      applying = null;
      stop();
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      switch (m.type) {
        case 'started':
          started = true;
          return;
        case 'progress':
          opts.onProgress?.(m.progress);
          return;
        case 'failed':
          stop();
          resolve({ ok: false, error: m.error, encrypted: m.encrypted });
          return;
        case 'crashed':
          broken(`внутренняя ошибка проверки (${m.message})`);
          return;
        case 'previewed':
          // The file is read: «Отмена» from now on is the session's close(), not the signal.
          opts.signal?.removeEventListener('abort', onAbort);
          resolve({
            ok: true,
            value: {
              encrypted: m.encrypted,
              header: m.header,
              attachments: m.attachments,
              preview: m.preview,
              apply: () =>
                new Promise((done, fail) => {
                  applying = { done, fail };
                  worker.postMessage({ type: 'apply' } satisfies SessionRequest);
                }),
              close: () => worker.terminate(),
            },
          });
          return;
        case 'applied':
          applying?.done(m.result);
          applying = null;
          worker.terminate();
          return;
        default:
          return;
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // The worker's script did not load (an old service worker's cache, a browser that refuses module workers):
      // the page does it itself. Once it had started, the failure is the file's (out of memory, say).
      if (!started) {
        stop();
        inPage(file, passphrase, opts).then(resolve, reject);
      } else broken(`файл не удалось проверить (${e.message || 'сбой при чтении'})`);
    };
    worker.postMessage({ type: 'import', file, ...(passphrase ? { passphrase } : {}) } satisfies SessionRequest);
  });
}
