import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'monitoring', lazy: async () => ({ Component: (await import('./MonitoringPage')).MonitoringPage }) },
  { path: 'report', lazy: async () => ({ Component: (await import('./ReportPage')).ReportPage }) },
];
