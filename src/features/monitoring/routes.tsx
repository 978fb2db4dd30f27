import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'monitoring', lazy: async () => ({ Component: (await import('./MonitoringPage')).MonitoringPage }) },
  { path: 'monitoring/swot', lazy: async () => ({ Component: (await import('./SwotPage')).SwotPage }) },
  { path: 'report', lazy: async () => ({ Component: (await import('./ReportPage')).ReportPage }) },
];
