/**
 * A file that reached the app from outside: shared into it («Поделиться → Наставник», kept by the service worker in
 * public/share-target-sw.js) or opened with it on a desktop («Открыть с помощью», the manifest's file_handlers and
 * `launchQueue`). Taken once: reading it removes it.
 */
const CACHE = 'nastavnik-shared';
const KEY = '/shared-bundle';

export async function takeSharedFile(): Promise<File | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(CACHE);
  const res = await cache.match(KEY);
  if (!res) return null;
  await cache.delete(KEY);
  const name = decodeURIComponent(res.headers.get('x-file-name') ?? 'файл');
  return new File([await res.blob()], name, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
}

export async function keepSharedFile(file: File): Promise<void> {
  const cache = await caches.open(CACHE);
  await cache.put(KEY, new Response(file, { headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) } }));
}

interface LaunchParams {
  files: readonly { getFile(): Promise<File> }[];
}

/** Desktop Chrome: a bundle opened with the installed app arrives through `launchQueue`; it goes to «Обмен». */
export function listenForLaunchedFiles(open: () => void): void {
  const q = (window as unknown as { launchQueue?: { setConsumer(fn: (p: LaunchParams) => void): void } }).launchQueue;
  q?.setConsumer((params) => {
    const h = params.files[0];
    if (!h) return;
    void h
      .getFile()
      .then(keepSharedFile)
      .then(open);
  });
}
