import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'exchange', lazy: async () => ({ Component: (await import('./ExchangePage')).ExchangePage }) },
  { path: 'exchange/conflicts', lazy: async () => ({ Component: (await import('./ConflictsPage')).ConflictsPage }) },
  { path: 'exchange/qr/send', lazy: async () => ({ Component: (await import('./QrSendPage')).QrSendPage }) },
  { path: 'exchange/qr/receive', lazy: async () => ({ Component: (await import('./QrReceivePage')).QrReceivePage }) },
];
