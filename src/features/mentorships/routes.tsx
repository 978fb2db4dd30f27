import type { RouteObject } from 'react-router';

/** Routes of this area, mounted inside the app layout (see src/app/App.tsx). Pages load lazily. */
export const routes: RouteObject[] = [
  { path: 'mentorships', lazy: async () => ({ Component: (await import('./MentorshipsListPage')).MentorshipsListPage }) },
  { path: 'mentorships/new', lazy: async () => ({ Component: (await import('./MentorshipFormPage')).MentorshipFormPage }) },
  { path: 'mentorships/:id', lazy: async () => ({ Component: (await import('./MentorshipPage')).MentorshipPage }) },
  { path: 'mentorships/:id/edit', lazy: async () => ({ Component: (await import('./MentorshipFormPage')).MentorshipFormPage }) },
  { path: 'mentorships/:id/meetings/new', lazy: async () => ({ Component: (await import('./MeetingFormPage')).NewMeetingPage }) },
  { path: 'meetings/:id', lazy: async () => ({ Component: (await import('./MeetingFormPage')).EditMeetingPage }) },
  { path: 'mentorships/:id/plan', lazy: async () => ({ Component: (await import('../plans/PlanPage')).PlanPage }) },
  { path: 'mentorships/:id/plan/print', lazy: async () => ({ Component: (await import('../plans/PlanPrintPage')).PlanPrintPage }) },
];
