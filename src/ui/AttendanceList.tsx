import { useId, useMemo, useState } from 'react';
import { fullName, type Person } from '../domain/person';
import { matchesQuery } from '../domain/text';
import { personLine } from '../domain/person';

/**
 * Who came: a searchable checklist of people with «отметить всех (найденных)» and «снять отметки». Each tick is
 * saved at once by the caller, so a closed app loses nothing.
 */
export function AttendanceList({
  people,
  attendeeIds,
  onChange,
  label,
  limit = 300,
  searchable = true,
}: {
  people: readonly Person[];
  attendeeIds: readonly string[];
  onChange: (ids: string[]) => void;
  label: string;
  limit?: number;
  /** The search box; a short list (a training group's members) goes without it. */
  searchable?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const came = new Set(attendeeIds);
  const found = useMemo(() => people.filter((p) => matchesQuery(`${fullName(p)} ${p.classLabel}`, query)), [people, query]);
  return (
    <>
      {searchable && (
        <div className="field">
          <label htmlFor={`${id}-search`}>Поиск</label>
          {/* Enter searches, it does not submit a form the list is in. */}
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            placeholder="Фамилия, имя, класс"
          />
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onChange([...new Set([...came, ...found.map((p) => p.id)])])}>
          Отметить всех{query ? ' найденных' : ''} ({found.length})
        </button>
        <button type="button" className="button button-small" onClick={() => onChange([...came].filter((x) => !found.some((p) => p.id === x)))}>
          Снять отметки
        </button>
      </div>
      <ul className="checklist" aria-label={label}>
        {found.slice(0, limit).map((p) => (
          <li key={p.id}>
            <label className="check-item">
              <input type="checkbox" checked={came.has(p.id)} onChange={(e) => onChange(e.target.checked ? [...came, p.id] : [...came].filter((x) => x !== p.id))} />
              <span>{personLine(p)}</span>
            </label>
          </li>
        ))}
      </ul>
      {found.length > limit && <p className="muted">Показаны первые {limit}: уточните поиск.</p>}
    </>
  );
}
