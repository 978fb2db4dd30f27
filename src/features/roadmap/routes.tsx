import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'roadmap', lazy: async () => ({ Component: (await import('./RoadmapPage')).RoadmapPage }) },
  { path: 'roadmap/:id', lazy: async () => ({ Component: (await import('./RoadmapTaskPage')).RoadmapTaskPage }) },
];
