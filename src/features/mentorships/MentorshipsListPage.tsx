import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from '../../domain/mentorship';
import { filterMentorshipRows, formingIds, splitMine, type MentorshipRow as Row } from '../../domain/mentorshipList';
import { todayIso } from '../../domain/dates';
import { useToasts } from '../../ui/toastStore';
import { startAll } from '../../storage/mentorshipWrites';
import { RecordRejected } from '../../domain/recordRules';
import { PAIRS_OR_GROUPS, plural } from '../../domain/text';
import { mentorshipStatusLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { MentorshipRow } from './MentorshipRow';
import { MeControl } from './MeControl';
import { useMentorshipRows } from '../../data/useMentorshipRows';
import { useMe } from '../../data/hooks';

const TITLE = 'Пары и группы';
const PAGE = 100;

function RowList({ rows, label }: { rows: readonly Row[]; label: string }) {
  return (
    <ul className="list" aria-label={label}>
      {rows.map((r) => (
        <MentorshipRow key={r.mentorship.id} row={r} />
      ))}
    </ul>
  );
}

export function MentorshipsListPage() {
  const data = useMentorshipRows();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [shown, setShown] = useState(PAGE);
  const query = params.get('q') ?? '';
  const deferredQuery = useDeferredValue(query);
  const status = (params.get('status') ?? '') as MentorshipStatus | '';
  const formId = params.get('form') ?? '';
  const attention = params.get('attention') === '1';

  const found = useMemo(
    () => (data ? filterMentorshipRows(data.rows, { query: deferredQuery, status, formId, attention }) : []),
    [data, deferredQuery, status, formId, attention],
  );
  const liveMe = me && data?.peopleById.has(me) ? me : null;
  const { mine, others } = useMemo(() => splitMine(found, liveMe), [found, liveMe]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setShown(PAGE);
  };

  const actions = (
    <Link className="button button-small button-primary" to="/mentorships/new">
      {t.actions.add}
    </Link>
  );

  if (!data) return <Page title={TITLE}>{null}</Page>;

  if (data.rows.length === 0)
    return (
      <Page title={TITLE}>
        <EmptyState title="Пока нет ни одной пары или группы">
          {data.people.length === 0 ? (
            <>
              <p>Сначала добавьте участников — наставников и наставляемых, затем составьте из них пары и группы.</p>
              <div className="button-row">
                <Link className="button button-primary" to="/people/new">
                  Добавить участника
                </Link>
                <Link className="button" to="/people/import">
                  Загрузить список класса
                </Link>
              </div>
            </>
          ) : (
            <>
              <p>Составьте первую наставническую пару или группу: выберите форму наставничества, наставника и наставляемых.</p>
              <div className="button-row">
                <Link className="button button-primary" to="/mentorships/new">
                  Создать пару или группу
                </Link>
              </div>
            </>
          )}
        </EmptyState>
      </Page>
    );

  const filtered = !!(status || formId || attention);
  const total = data.rows.length;
  return (
    <Page title={TITLE} actions={actions}>
      <StartAll ids={formingIds(data.rows.map((r) => r.mentorship))} />
      <MeControl people={data.people} peopleById={data.peopleById} />
      <div className="toolbar" role="search">
        <label className="visually-hidden" htmlFor="mentorships-q">
          Поиск по участникам, названию или форме
        </label>
        <input
          id="mentorships-q"
          type="search"
          className="search"
          placeholder="Поиск: фамилия, название"
          value={query}
          onChange={(e) => set('q', e.target.value)}
          autoComplete="off"
        />
        <details className="filters" open={filtered}>
          <summary>Фильтры</summary>
          <div className="filters-grid">
            <label>
              Статус
              <select value={status} onChange={(e) => set('status', e.target.value)}>
                <option value="">Все</option>
                {MENTORSHIP_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {mentorshipStatusLabel[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Форма
              <select value={formId} onChange={(e) => set('form', e.target.value)}>
                <option value="">Все</option>
                {data.forms.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox filters-wide">
              <input type="checkbox" checked={attention} onChange={(e) => set('attention', e.target.checked ? '1' : '')} />
              Только требующие внимания
            </label>
          </div>
        </details>
      </div>
      <p className="count" aria-live="polite" data-testid="mentorships-count">
        {found.length === total
          ? `Всего: ${plural(total, PAIRS_OR_GROUPS)}`
          : `Найдено: ${found.length} из ${total}`}
      </p>
      {found.length === 0 && <p className="muted">Ничего не нашлось. Измените поиск или сбросьте фильтры.</p>}
      {mine.length > 0 && (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">Мои пары и группы</h2>
          <RowList rows={mine} label="Мои пары и группы" />
        </section>
      )}
      {others.length > 0 &&
        (mine.length > 0 ? (
          <section aria-labelledby="others-h">
            <h2 id="others-h">Все остальные</h2>
            <RowList rows={others.slice(0, shown)} label="Остальные пары и группы" />
          </section>
        ) : (
          <RowList rows={others.slice(0, shown)} label="Пары и группы" />
        ))}
      {others.length > shown && (
        <button type="button" className="button button-block" onClick={() => setShown(shown + PAGE)}>
          Показать ещё {Math.min(PAGE, others.length - shown)}
        </button>
      )}
    </Page>
  );
}

/** New pairs (from matching, say) wait in «формируется»: one tap starts them all, instead of one page each. */
function StartAll({ ids }: { ids: string[] }) {
  const show = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  if (ids.length === 0) return null;
  const n = plural(ids.length, PAIRS_OR_GROUPS);
  return (
    <section className="notice start-all" aria-label="Формируются">
      <p>
        Формируются: {n}. Начните работу, когда участники знают друг о друге.
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void startAll(ids, todayIso())
            .then((k) => show(`Начата работа: ${plural(k, PAIRS_OR_GROUPS)}`))
            // all or none: a pair the rules refuse leaves every pair as it was, and says so
            .catch((e: unknown) => show(`Работа не начата: ${e instanceof RecordRejected ? Object.values(e.errors).join('; ') : String(e)}`))
            .finally(() => setBusy(false));
        }}
      >
        Начать работу со всеми ({ids.length})
      </button>
    </section>
  );
}
