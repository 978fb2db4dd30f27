// Imported by the generated service worker (vite.config.ts, workbox.importScripts) before its own routes.
// «Поделиться → Наставник» from a messenger POSTs the file here (the manifest's share_target); the file is kept in
// a cache of its own and the app opens «Обмен», which picks it up and shows the usual import preview. Nothing
// leaves the phone.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.pathname !== '/share-target') return;
  event.respondWith(
    (async () => {
      try {
        const form = await event.request.formData();
        const file = [...form.values()].find((v) => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
        if (file) {
          const cache = await caches.open('nastavnik-shared');
          await cache.put(
            '/shared-bundle',
            new Response(file, { headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name || 'файл') } }),
          );
        }
        return Response.redirect(new URL(file ? '/exchange?shared=1' : '/exchange?shared=0', self.location.origin).href, 303);
      } catch {
        return Response.redirect(new URL('/exchange?shared=0', self.location.origin).href, 303);
      }
    })(),
  );
});
