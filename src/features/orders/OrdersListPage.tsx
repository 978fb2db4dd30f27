import { Link } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import { plural } from '../../domain/text';
import { useOrders } from '../../data/orders';
import { orderKindLabel } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { PartialSchoolNotice } from '../../ui/PartialSchoolNotice';
import { useDeviceRole } from '../../data/useDeviceRole';

const TITLE = 'Приказы';

/** The director's orders, newest first. */
export function OrdersListPage() {
  const orders = useOrders();
  const role = useDeviceRole();
  // Orders are prepared on the curator's device; a mentor's phone only shows those that came with its pairs.
  const add =
    role?.kind === 'mentor' ? undefined : (
      <Link className="button button-small button-primary" to="/orders/new">
        Новый приказ
      </Link>
    );
  if (!orders || !role) return <Page title={TITLE}>{null}</Page>;
  if (orders.length === 0)
    return (
      <Page title={TITLE}>
        <PartialSchoolNotice what="здесь только приказы, пришедшие с вашими парами, а готовит приказы куратор" />
        <EmptyState title="Приказов пока нет">
          <p>
            Здесь готовятся приказы директора: о закреплении наставнических пар и групп, об утверждении индивидуальных планов
            (дорожная карта — ноябрь). Приложение составит текст, таблицу пар и файл DOCX для подписи.
          </p>
          {add && (
            <div className="button-row">
              <Link className="button button-primary" to="/orders/new">
                Подготовить приказ
              </Link>
            </div>
          )}
        </EmptyState>
      </Page>
    );

  const sorted = [...orders].sort((a, b) => b.date.localeCompare(a.date) || b.number.localeCompare(a.number, 'ru', { numeric: true }));
  return (
    <Page title={TITLE} actions={add}>
      <PartialSchoolNotice what="здесь только приказы, пришедшие с вашими парами, а готовит приказы куратор" />
      <p className="count">Всего: {plural(orders.length, { one: 'приказ', few: 'приказа', many: 'приказов' })}</p>
      <ul className="list" aria-label="Приказы">
        {sorted.map((o) => (
          <li key={o.id}>
            <Link to={`/orders/${o.id}`} className="list-item">
              <span className="list-title">
                № {o.number} от {formatRuDate(o.date)}
              </span>
              <span className="list-sub">{o.title}</span>
              <span className="badges">
                <span className="badge">{orderKindLabel[o.kind]}</span>
                {o.mentorshipIds.length > 0 && (
                  <span className="badge">{plural(o.mentorshipIds.length, { one: 'пара/группа', few: 'пары/группы', many: 'пар/групп' })}</span>
                )}
                {(o.recognitionIds ?? []).length > 0 && (
                  <span className="badge">{plural(o.recognitionIds.length, { one: 'поощрение', few: 'поощрения', many: 'поощрений' })}</span>
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
