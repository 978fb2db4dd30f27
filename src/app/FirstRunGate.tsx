import { Navigate, Outlet } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSchool } from '../storage/repositories';

/** Until the school is described, every page leads to the first-run wizard. */
export function FirstRunGate() {
  const school = useLiveQuery(() => getSchool().then((s) => s ?? null), []);
  if (school === undefined) return null;
  if (school === null) return <Navigate to="/welcome" replace />;
  return <Outlet />;
}
