import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../i18n/ru';

interface PageProps {
  title: string;
  /** Where the back arrow leads; none on top-level pages. */
  backTo?: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A screen: its title is the document title too, so a screen reader announces where the user is. */
export function Page({ title, backTo, actions, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} — ${t.appName}`;
  }, [title]);
  return (
    <>
      <header className="page-header">
        {backTo && (
          <Link to={backTo} className="icon-button" aria-label={t.actions.back}>
            <span aria-hidden="true">←</span>
          </Link>
        )}
        <h1>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <main className="page-body" id="main">
        {children}
      </main>
    </>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
