import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [{ path: 'practices', lazy: async () => ({ Component: (await import('./PracticesPage')).PracticesPage }) }];
