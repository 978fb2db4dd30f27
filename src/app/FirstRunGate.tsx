import { Navigate, Outlet } from 'react-router';
import { useSchool } from '../data/hooks';

/** Until the school is described, every page leads to the first-run wizard. */
export function FirstRunGate() {
  const school = useSchool();
  if (school === undefined) return null;
  if (school === null) return <Navigate to="/welcome" replace />;
  return <Outlet />;
}
