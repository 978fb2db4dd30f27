import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'consents', lazy: async () => ({ Component: (await import('./ConsentsPage')).ConsentsPage }) },
  { path: 'people/:id/consent/new', lazy: async () => ({ Component: (await import('./ConsentFormPage')).ConsentFormPage }) },
  { path: 'people/:id/consent/print', lazy: async () => ({ Component: (await import('./ConsentPrintPage')).ConsentPrintPage }) },
  { path: 'people/:id/consent/:consentId/edit', lazy: async () => ({ Component: (await import('./ConsentFormPage')).ConsentFormPage }) },
];
