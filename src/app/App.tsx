import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { getDb } from '../storage/db';
import { listenForLaunchedFiles } from '../storage/sharedFile';
import { Toasts } from '../ui/Toasts';
import { UpdatePrompt } from './UpdatePrompt';
import { Layout } from './Layout';
import { FirstRunGate } from './FirstRunGate';
import { HomePage } from '../features/home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorScreen } from './ErrorScreen';
import { MorePage } from './MorePage';
import { routes as mentorshipRoutes } from '../features/mentorships/routes';
import { routes as consentRoutes } from '../features/consents/routes';
import { routes as orderRoutes } from '../features/orders/routes';
import { routes as networkingRoutes } from '../features/networking/routes';
import { routes as exchangeRoutes } from '../features/exchange/routes';
import { routes as roadmapRoutes } from '../features/roadmap/routes';
import { routes as trainingRoutes } from '../features/training/routes';
import { routes as materialsRoutes } from '../features/materials/routes';
import { routes as questionnaireRoutes } from '../features/questionnaires/routes';
import { routes as monitoringRoutes } from '../features/monitoring/routes';
import { routes as recognitionRoutes } from '../features/recognitions/routes';
import { routes as practiceRoutes } from '../features/practices/routes';
import { routes as eventRoutes } from '../features/events/routes';
import { routes as erasureRoutes } from '../features/erasure/routes';

/**
 * The first screen (the overview) is in the entry chunk; every other page loads on first visit. All chunks are
 * precached by the service worker, so this costs nothing offline and keeps the first screen's JavaScript small.
 */
const people = () => import('../features/people/pages');
const partners = () => import('../features/partners/pages');

const router = createBrowserRouter([
  { path: '/welcome', errorElement: <RouteErrorScreen />, lazy: async () => ({ Component: (await import('../features/school/WelcomePage')).WelcomePage }) },
  {
    element: <FirstRunGate />,
    children: [
      {
        element: <Layout />,
        children: [
          {
            // A page that fails shows the error screen inside the app's frame: the navigation stays usable.
            errorElement: <RouteErrorScreen />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'people', lazy: async () => ({ Component: (await people()).PeopleListPage }) },
              { path: 'people/new', lazy: async () => ({ Component: (await people()).PersonFormPage }) },
              { path: 'people/import', lazy: async () => ({ Component: (await import('../features/people/ImportPage')).ImportPage }) },
              { path: 'people/:id', lazy: async () => ({ Component: (await people()).PersonPage }) },
              { path: 'people/:id/edit', lazy: async () => ({ Component: (await people()).PersonFormPage }) },
              { path: 'partners', lazy: async () => ({ Component: (await partners()).PartnersListPage }) },
              { path: 'partners/new', lazy: async () => ({ Component: (await partners()).PartnerFormPage }) },
              { path: 'partners/:id', lazy: async () => ({ Component: (await partners()).PartnerPage }) },
              { path: 'partners/:id/edit', lazy: async () => ({ Component: (await partners()).PartnerFormPage }) },
              { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
              { path: 'more', element: <MorePage /> },
              { path: 'summary', lazy: async () => ({ Component: (await import('../features/summary/SummaryPage')).SummaryPage }) },
              ...mentorshipRoutes,
              ...consentRoutes,
              ...orderRoutes,
              ...networkingRoutes,
              ...exchangeRoutes,
              ...roadmapRoutes,
              ...trainingRoutes,
              ...materialsRoutes,
              ...questionnaireRoutes,
              ...monitoringRoutes,
              ...recognitionRoutes,
              ...practiceRoutes,
              ...eventRoutes,
              ...erasureRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

// A bundle opened with the installed app on a desktop goes to «Обмен» (src/storage/sharedFile.ts).
listenForLaunchedFiles(() => void router.navigate('/exchange?opened=1'));

export function App() {
  useEffect(() => {
    // The log of erasures keeps each line three years (order № 179): older ones go at start, the code loaded after
    // the first screen so the entry chunk does not grow. A database that cannot open says so on its own screen.
    import('../storage/erasure')
      .then((m) => m.purgeExpiredErasureLog(getDb()))
      .catch(() => undefined);
  }, []);
  // The service worker registers on every screen, the first-run one included: a new phone that starts from a
  // colleague's file must work offline from the first visit, before any school exists on it.
  return (
    <>
      <RouterProvider router={router} />
      <UpdatePrompt />
      <Toasts />
    </>
  );
}
