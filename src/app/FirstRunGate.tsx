import { Navigate, Outlet, useLocation } from 'react-router';
import { useSchool } from '../data/hooks';

/**
 * Pages that need no school of this device's own: «Сводка по школам» reads other schools' files, so a municipality's
 * methodologist opens it on a device that never ran the wizard.
 */
const WITHOUT_SCHOOL = new Set(['/summary']);

/** Until the school is described, every other page leads to the first-run wizard. */
export function FirstRunGate() {
  const school = useSchool();
  const { pathname } = useLocation();
  if (WITHOUT_SCHOOL.has(pathname)) return <Outlet />;
  if (school === undefined) return null;
  if (school === null) return <Navigate to="/welcome" replace />;
  return <Outlet />;
}
