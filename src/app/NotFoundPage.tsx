import { Link } from 'react-router';
import { EmptyState, Page } from '../ui/Page';

export function NotFoundPage() {
  return (
    <Page title="Страница не найдена">
      <EmptyState title="Такой страницы нет">
        <Link className="button" to="/">
          На главную
        </Link>
      </EmptyState>
    </Page>
  );
}
