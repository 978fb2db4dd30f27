import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'orders', lazy: async () => ({ Component: (await import('./OrdersListPage')).OrdersListPage }) },
  { path: 'orders/new', lazy: async () => ({ Component: (await import('./OrderFormPage')).OrderFormPage }) },
  { path: 'orders/:id', lazy: async () => ({ Component: (await import('./OrderPage')).OrderPage }) },
];
