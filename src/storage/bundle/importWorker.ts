import type { ParsedBundle } from '../../domain/bundle/format';
import { bundleMessages, decodeBundleFile, type ReadRequest, type SessionRequest, type WorkerMessage } from './readFile';

/**
 * The import worker (issue 14): reads, decrypts, unpacks (with the hard cap of inflate.ts) and checks a picked file
 * off the page's thread, so that a hostile or huge file never freezes the page; the page terminates it on «Отмена»,
 * which frees everything it held. One worker per file. Two uses:
 * - a plain read (`ReadRequest`, readBundleFile in exportFile.ts: «Сводка по школам»): the checked bundle goes back
 *   to the page in pieces;
 * - an import (`{ type: 'import' }`, openImport in importSession.ts): the bundle stays here; the worker compares it
 *   with the database (its own Dexie connection to the same IndexedDB) and sends the preview only, then on
 *   `{ type: 'apply' }` merges and writes it, and sends the report.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest | SessionRequest>) => void) | null;
  postMessage(m: WorkerMessage, transfer?: Transferable[]): void;
};
const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
const crashed = (x: unknown) => post({ type: 'crashed', message: x instanceof Error ? x.message : String(x) });

let held: ParsedBundle | null = null;

async function preview(bundle: ParsedBundle, encrypted: boolean): Promise<void> {
  post({ type: 'progress', progress: { stage: 'preview' } });
  const [{ getDb }, { previewImport }] = await Promise.all([import('../db'), import('./importBundle')]);
  const p = await previewImport(getDb(), bundle);
  if (!p.ok) return post({ type: 'failed', error: p.error, encrypted });
  held = bundle;
  post({ type: 'previewed', encrypted, header: bundle.header, attachments: bundle.attachments.length, preview: p.value });
}

async function apply(): Promise<void> {
  if (!held) return crashed(new Error('нет файла для импорта'));
  const [{ getDb }, { applyImport }] = await Promise.all([import('../db'), import('./importBundle')]);
  const result = await applyImport(getDb(), held);
  held = null;
  post({ type: 'applied', result });
}

scope.onmessage = (e) => {
  const m = e.data;
  if ('type' in m && m.type === 'apply') {
    apply().catch(crashed);
    return;
  }
  post({ type: 'started' });
  const { file, passphrase } = m;
  const importing = 'type' in m && m.type === 'import';
  decodeBundleFile(file, passphrase, (progress) => post({ type: 'progress', progress }))
    .then((r) => (importing ? (r.ok ? preview(r.value, r.encrypted) : post({ type: 'failed', error: r.error, encrypted: r.encrypted })) : bundleMessages(r, post)))
    .catch(crashed);
};
