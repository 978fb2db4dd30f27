import { NavLink, Outlet } from 'react-router';
import { t } from '../i18n/ru';
import { DatabaseGuard } from './DatabaseGuard';
import { Icon } from '../ui/icons';

const NAV = [
  { to: '/', label: t.nav.home, icon: 'home', end: true },
  { to: '/people', label: t.nav.people, icon: 'people', end: false },
  { to: '/mentorships', label: t.nav.mentorships, icon: 'pairs', end: false },
  { to: '/exchange', label: t.nav.exchange, icon: 'exchange', end: false },
  { to: '/more', label: t.nav.more, icon: 'menu', end: false },
] as const;

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        К содержимому
      </a>
      <DatabaseGuard />
      <Outlet />
      <nav className="bottom-nav" aria-label={t.nav.main}>
        {NAV.map((n) => (
          <NavLink key={n.to} to={n.to} end={n.end} className="bottom-nav-item">
            <Icon name={n.icon} />
            <span>{n.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
