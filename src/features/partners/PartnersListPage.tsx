import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PARTNER_KINDS, partnerSearchText, type PartnerKind } from '../../domain/partner';
import { matchesQuery, plural } from '../../domain/text';
import { partnerKindLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { usePartners, usePeople } from '../../data/hooks';

export function PartnersListPage() {
  const partners = usePartners();
  const people = usePeople();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');

  const repCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of people ?? []) if (p.partnerId) m.set(p.partnerId, (m.get(p.partnerId) ?? 0) + 1);
    return m;
  }, [people]);
  const found = useMemo(
    () =>
      (partners ?? [])
        .filter((p) => (!kind || p.kind === kind) && matchesQuery(partnerSearchText(p), query))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    [partners, query, kind],
  );

  if (partners === undefined) return <Page title={t.partners.title}>{null}</Page>;
  const add = (
    <Link className="button button-small button-primary" to="/partners/new">
      {t.actions.add}
    </Link>
  );
  if (partners.length === 0)
    return (
      <Page title={t.partners.title}>
        <EmptyState title={t.partners.emptyTitle}>
          <p>{t.partners.emptyText}</p>
          <Link className="button button-primary" to="/partners/new">
            Добавить организацию
          </Link>
        </EmptyState>
      </Page>
    );
  return (
    <Page title={t.partners.title} actions={add}>
      <div className="toolbar" role="search">
        <label className="visually-hidden" htmlFor="partners-q">
          {t.partners.searchLabel}
        </label>
        <input id="partners-q" type="search" className="search" placeholder="Поиск организации" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="inline-select">
          Вид
          <select value={kind} onChange={(e) => setKind(e.target.value as PartnerKind | '')}>
            <option value="">Все</option>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {partnerKindLabel[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="count" aria-live="polite">
        {found.length === partners.length
          ? `Всего: ${plural(partners.length, { one: 'организация', few: 'организации', many: 'организаций' })}`
          : `Найдено: ${found.length} из ${partners.length}`}
      </p>
      {found.length === 0 ? (
        <p className="muted">{t.partners.notFound}</p>
      ) : (
        <ul className="list" aria-label="Список организаций">
          {found.map((p) => (
            <li key={p.id}>
              <Link to={`/partners/${p.id}`} className="list-item">
                <span className="list-title">{p.name}</span>
                <span className="list-sub">
                  {partnerKindLabel[p.kind]} · наставников: {repCount.get(p.id) ?? 0}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
