import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'training', lazy: async () => ({ Component: (await import('./TrainingPage')).TrainingPage }) },
  { path: 'training/:id', lazy: async () => ({ Component: (await import('./TrainingGroupPage')).TrainingGroupPage }) },
];
