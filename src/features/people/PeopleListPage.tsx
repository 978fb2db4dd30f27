import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEFAULT_CONSENT_AGE, fullName, needsRepresentative, PERSON_CATEGORIES, PERSON_ROLES, type Person, type PersonCategory, type PersonRole } from '../../domain/person';
import { peopleWithoutConsent } from '../../domain/consent';
import { classesOf, filterSorted, indexPeople, sortIndex, type PersonSort } from '../../domain/personList';
import { plural } from '../../domain/text';
import { categoryLabel, roleLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { PeopleVirtualList } from './PeopleVirtualList';
import { usePartners, usePeople, useSchool } from '../../data/hooks';
import { useConsents } from '../../data/consents';

/** The list as shown (after search and filters) as CSV for Excel; papaparse and the writer load only now. */
async function exportPeopleCsv(people: readonly Person[], partnerNames: ReadonlyMap<string, string>) {
  const [{ toCsv }, { saveFile }] = await Promise.all([import('../../domain/report'), import('../../ui/share')]);
  const rows = [
    ['ФИО', 'Категория', 'Класс', 'Дата рождения', 'Роли', 'Партнёр', 'Телефон', 'Электронная почта'],
    ...people.map((p) => [
      fullName(p),
      categoryLabel[p.category],
      p.classLabel,
      p.birthDate ? p.birthDate.split('-').reverse().join('.') : '',
      p.roles.map((r) => roleLabel[r]).join(', '),
      partnerNames.get(p.partnerId) ?? '',
      p.phone,
      p.email,
    ]),
  ];
  await saveFile(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), `Участники_${new Date().toISOString().slice(0, 10)}.csv`);
}

export function PeopleListPage() {
  const people = usePeople();
  const partners = usePartners();
  const consents = useConsents();
  const school = useSchool();
  const [params, setParams] = useSearchParams();

  // The field is a component of its own (SearchField), so a keystroke repaints the field alone; the query reaches
  // this page in a transition (the list follows at a lower priority), and the address (?q=, kept for «Назад») only
  // once typing pauses.
  const urlQuery = params.get('q') ?? '';
  const [query, setQuery] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  const [writtenQuery, setWrittenQuery] = useState<string | null>(null);
  const [fieldKey, setFieldKey] = useState(0);
  if (urlQuery !== seenUrlQuery) {
    // The address changed: by our own write (nothing to do) or by a link or «Назад» (the field follows it).
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== writtenQuery) {
      setQuery(urlQuery);
      setFieldKey(fieldKey + 1);
    }
  }
  const deferredQuery = useDeferredValue(query);
  const filter = {
    query: deferredQuery,
    category: (params.get('category') ?? '') as PersonCategory | '',
    role: (params.get('role') ?? '') as PersonRole | '',
    classLabel: params.get('class') ?? '',
    partnerId: params.get('partner') ?? '',
  };
  const sort = (params.get('sort') ?? 'name') as PersonSort;
  const consentFilter = params.get('consent') ?? '';
  // «младше 14 лет» (the school's consent age): the same rule as the overview's tile and the card's mark
  const ageFilter = params.get('age') ?? '';
  const consentAge = school?.consentAge ?? DEFAULT_CONSENT_AGE;

  const partnerNames = useMemo(() => new Map((partners ?? []).map((p) => [p.id, p.name])), [partners]);
  const index = useMemo(() => indexPeople(people ?? []), [people]);
  const sorted = useMemo(() => sortIndex(index, sort), [index, sort]);
  const classes = useMemo(() => classesOf(people ?? []), [people]);
  const withoutConsent = useMemo(
    () => new Set(peopleWithoutConsent(people ?? [], consents ?? [], school?.consentAge ?? DEFAULT_CONSENT_AGE).map((p) => p.id)),
    [people, consents, school?.consentAge],
  );
  const found = useMemo(
    () => {
      const out = filterSorted(sorted, filter);
      const byConsent = consentFilter === 'missing' ? out.filter((p) => withoutConsent.has(p.id)) : out;
      return ageFilter === 'under' ? byConsent.filter((p) => needsRepresentative(p, undefined, consentAge) === true) : byConsent;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sorted, deferredQuery, filter.category, filter.role, filter.classLabel, filter.partnerId, consentFilter, withoutConsent, ageFilter, consentAge],
  );

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (query === urlQuery) return;
    const timer = setTimeout(() => {
      setWrittenQuery(query);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (query) next.set('q', query);
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [query, urlQuery, setParams]);

  const actions = (
    <>
      <Link className="button button-small" to="/people/import" aria-label={t.actions.import}>
        Импорт
      </Link>
      <Link className="button button-small button-primary" to="/people/new">
        {t.actions.add}
      </Link>
    </>
  );

  if (people === undefined) return <Page title={t.people.title}>{null}</Page>;

  if (people.length === 0)
    return (
      <Page title={t.people.title}>
        <EmptyState title={t.people.emptyTitle}>
          <p>{t.people.emptyText}</p>
          <div className="button-row">
            <Link className="button button-primary" to="/people/new">
              Добавить участника
            </Link>
            <Link className="button" to="/people/import">
              Загрузить список класса
            </Link>
          </div>
        </EmptyState>
      </Page>
    );


  return (
    <Page title={t.people.title} actions={actions}>
      <div className="toolbar" role="search">
        <label className="visually-hidden" htmlFor="people-q">
          {t.people.searchLabel}
        </label>
        <SearchField
          key={fieldKey}
          initial={query}
          onQuery={setQuery}
        />
        <details className="filters" open={!!(filter.category || filter.role || filter.classLabel || filter.partnerId || consentFilter || ageFilter)}>
          <summary>Фильтры и сортировка</summary>
          <div className="filters-grid">
            <label>
              Категория
              <select value={filter.category} onChange={(e) => set('category', e.target.value)}>
                <option value="">Все</option>
                {PERSON_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel[c]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Роль
              <select value={filter.role} onChange={(e) => set('role', e.target.value)}>
                <option value="">Любая</option>
                {PERSON_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Класс
              <select value={filter.classLabel} onChange={(e) => set('class', e.target.value)}>
                <option value="">Все</option>
                {classes.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Партнёр
              <select value={filter.partnerId} onChange={(e) => set('partner', e.target.value)}>
                <option value="">Все</option>
                {(partners ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Возраст
              <select value={ageFilter} onChange={(e) => set('age', e.target.value)}>
                <option value="">Любой</option>
                <option value="under">Младше {consentAge} лет</option>
              </select>
            </label>
            <label>
              Согласие
              <select value={consentFilter} onChange={(e) => set('consent', e.target.value)}>
                <option value="">Все</option>
                <option value="missing">Без согласия</option>
              </select>
            </label>
            <label>
              Сортировка
              <select value={sort} onChange={(e) => set('sort', e.target.value === 'name' ? '' : e.target.value)}>
                <option value="name">По ФИО</option>
                <option value="class">По классу</option>
                <option value="recent">Недавно изменённые</option>
              </select>
            </label>
          </div>
        </details>
      </div>
      <div className="count-row">
        <p className="count" aria-live="polite" data-testid="people-count">
          {found.length === people.length
            ? `Всего: ${plural(people.length, { one: 'участник', few: 'участника', many: 'участников' })}`
            : `Найдено: ${found.length} из ${people.length}`}
        </p>
        {found.length > 0 && (
          <button type="button" className="link-button" onClick={() => void exportPeopleCsv(found, partnerNames)}>
            Скачать список (CSV для Excel)
          </button>
        )}
      </div>
      {found.length === 0 ? (
        <p className="muted">{t.people.notFound}</p>
      ) : (
        // Only the rows on screen are rendered (a virtual list on the page's scroll), so a keystroke costs the same
        // whatever the number of people found.
        <PeopleVirtualList
          people={found}
          partnerNames={partnerNames}
          withoutConsent={consents === undefined ? undefined : withoutConsent}
          consentAge={school?.consentAge}
        />
      )}
    </Page>
  );
}

/** The search box: its own state, so that typing repaints it alone; the page hears of each change in a transition. */
function SearchField({ initial, onQuery }: { initial: string; onQuery: (q: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <input
      id="people-q"
      type="search"
      className="search"
      placeholder="Поиск: фамилия, имя, класс"
      value={value}
      onChange={(e) => {
        const q = e.target.value;
        setValue(q);
        startTransition(() => onQuery(q));
      }}
      autoComplete="off"
    />
  );
}
