import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'questionnaires', lazy: async () => ({ Component: (await import('./QuestionnairesPage')).QuestionnairesPage }) },
  { path: 'questionnaires/new', lazy: async () => ({ Component: (await import('./QuestionnaireEditPage')).QuestionnaireEditPage }) },
  { path: 'questionnaires/:id', lazy: async () => ({ Component: (await import('./QuestionnairePage')).QuestionnairePage }) },
  { path: 'questionnaires/:id/edit', lazy: async () => ({ Component: (await import('./QuestionnaireEditPage')).QuestionnaireEditPage }) },
  { path: 'questionnaires/:id/fill', lazy: async () => ({ Component: (await import('./FillPage')).FillPage }) },
];
