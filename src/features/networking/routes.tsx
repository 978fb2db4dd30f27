import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'networking', lazy: async () => ({ Component: (await import('./NetworkingListPage')).NetworkingListPage }) },
  { path: 'networking/:id', lazy: async () => ({ Component: (await import('./EventPage')).EventPage }) },
  { path: 'networking/:id/answer/:personId/:side', lazy: async () => ({ Component: (await import('./PreferencePage')).PreferencePage }) },
  { path: 'networking/:id/matching', lazy: async () => ({ Component: (await import('./MatchingPage')).MatchingPage }) },
];
