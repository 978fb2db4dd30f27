/** The people area's pages, loaded together on the first visit to any of them (see src/app/App.tsx). */
export { PeopleListPage } from './PeopleListPage';
export { PersonPage } from './PersonPage';
export { PersonFormPage } from './PersonFormPage';
