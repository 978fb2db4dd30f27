import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { FirstRunGate } from './FirstRunGate';
import { HomePage } from '../features/home/HomePage';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { PersonPage } from '../features/people/PersonPage';
import { PersonFormPage } from '../features/people/PersonFormPage';
import { PartnersListPage } from '../features/partners/PartnersListPage';
import { PartnerPage } from '../features/partners/PartnerPage';
import { PartnerFormPage } from '../features/partners/PartnerFormPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { WelcomePage } from '../features/school/WelcomePage';
import { NotFoundPage } from './NotFoundPage';
import { MorePage } from './MorePage';
import { routes as mentorshipRoutes } from '../features/mentorships/routes';
import { routes as consentRoutes } from '../features/consents/routes';
import { routes as orderRoutes } from '../features/orders/routes';
import { routes as networkingRoutes } from '../features/networking/routes';
import { routes as sharingRoutes } from '../features/sharing/routes';

const router = createBrowserRouter([
  { path: '/welcome', element: <WelcomePage /> },
  {
    element: <FirstRunGate />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'people', element: <PeopleListPage /> },
          { path: 'people/new', element: <PersonFormPage /> },
          { path: 'people/import', lazy: async () => ({ Component: (await import('../features/people/ImportPage')).ImportPage }) },
          { path: 'people/:id', element: <PersonPage /> },
          { path: 'people/:id/edit', element: <PersonFormPage /> },
          { path: 'partners', element: <PartnersListPage /> },
          { path: 'partners/new', element: <PartnerFormPage /> },
          { path: 'partners/:id', element: <PartnerPage /> },
          { path: 'partners/:id/edit', element: <PartnerFormPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'more', element: <MorePage /> },
          ...mentorshipRoutes,
          ...consentRoutes,
          ...orderRoutes,
          ...networkingRoutes,
          ...sharingRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
