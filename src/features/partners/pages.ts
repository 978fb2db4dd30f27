/** The partners area's pages, loaded together on the first visit to any of them (see src/app/App.tsx). */
export { PartnersListPage } from './PartnersListPage';
export { PartnerPage } from './PartnerPage';
export { PartnerFormPage } from './PartnerFormPage';
