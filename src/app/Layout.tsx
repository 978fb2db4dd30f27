import { NavLink, Outlet } from 'react-router';
import { t } from '../i18n/ru';
import { Toasts } from '../ui/Toasts';
import { UpdatePrompt } from './UpdatePrompt';
import { DatabaseGuard } from './DatabaseGuard';
import { Icon } from '../ui/icons';

const NAV = [
  { to: '/', label: t.nav.home, icon: 'home', end: true },
  { to: '/people', label: t.nav.people, icon: 'people', end: false },
  { to: '/partners', label: t.nav.partners, icon: 'building', end: false },
  { to: '/settings', label: t.nav.settings, icon: 'settings', end: false },
] as const;

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        К содержимому
      </a>
      <DatabaseGuard />
      <Outlet />
      <UpdatePrompt />
      <Toasts />
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
