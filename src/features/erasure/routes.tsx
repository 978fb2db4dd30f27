import type { RouteObject } from 'react-router';

/**
 * Issue 12: «Журнал уничтожения персональных данных», the act of destruction with the log extract, and «Какие данные
 * хранятся» of a participant. Mounted inside the app layout (see src/app/App.tsx); pages load lazily.
 */
export const routes: RouteObject[] = [
  { path: 'erasures', lazy: async () => ({ Component: (await import('./ErasureLogPage')).ErasureLogPage }) },
  { path: 'erasures/:id/act', lazy: async () => ({ Component: (await import('./ErasureActPage')).ErasureActPage }) },
  { path: 'people/:id/data', lazy: async () => ({ Component: (await import('./PersonDataPage')).PersonDataPage }) },
];
