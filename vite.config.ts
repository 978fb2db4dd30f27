/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    react(),
    VitePWA({
      // 'prompt', not 'autoUpdate': an update must never reload over a half-filled form.
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'robots.txt', 'apple-touch-icon.png', 'share-target-sw.js'],
      manifest: {
        name: 'Наставник — целевая модель наставничества',
        short_name: 'Наставник',
        description: 'Наставнические пары и группы, встречи, планы и мониторинг школы — без интернета.',
        lang: 'ru',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#1f5f8b',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // A long press on the home-screen icon (Android). A meeting belongs to a pair, so «Записать встречу» opens the
        // active pairs (the user's own first); each pair has its «Записать встречу». Both are SPA routes served offline
        // by the precache's navigation fallback (tests/e2e/install.spec.ts).
        shortcuts: [
          {
            name: 'Записать встречу',
            short_name: 'Встреча',
            description: 'Выбрать пару или группу и записать встречу',
            url: '/mentorships?status=active',
            icons: [{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Обмен',
            short_name: 'Обмен',
            description: 'Передать или принять файл обмена',
            url: '/exchange',
            icons: [{ src: 'icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // «Поделиться → Наставник» from a messenger: public/share-target-sw.js receives the file.
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            files: [{ name: 'bundle', accept: ['text/plain', '.txt', 'application/gzip', '.gz', 'application/zip', '.zip', 'application/octet-stream', '.nastavnik', 'application/json', '.json'] }],
          },
        },
        // Desktop Chrome: «Открыть с помощью → Наставник» for the app's own files (src/storage/sharedFile.ts).
        file_handlers: [{ action: '/exchange?opened=1', accept: { 'application/x-nastavnik': ['.nastavnik'], 'application/gzip': ['.gz'] } }],
      } as Record<string, unknown>,
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        // The first visit must be controlled at once, so that the app works offline right after install.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        importScripts: ['share-target-sw.js'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
  },
});
