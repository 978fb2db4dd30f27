import { bundleMessages, decodeBundleFile, type ReadRequest, type WorkerMessage } from './readFile';

/**
 * The import worker (issue 14): reads, decrypts, unpacks (with the hard cap of inflate.ts) and checks a picked file
 * off the page's thread, so that a hostile or huge file never freezes the page; the page terminates it on «Отмена»,
 * which frees everything it held. One worker per file: started by readBundleFile (exportFile.ts).
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(m: WorkerMessage, transfer?: Transferable[]): void;
};
const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = (e) => {
  post({ type: 'started' });
  const { file, passphrase } = e.data;
  decodeBundleFile(file, passphrase, (progress) => post({ type: 'progress', progress }))
    .then((r) => bundleMessages(r, post))
    .catch((x: unknown) => post({ type: 'crashed', message: x instanceof Error ? x.message : String(x) }));
};
