import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { matchesQuery, normalizeText } from '../domain/text';

export interface PickerOption {
  id: string;
  /** «Иванова М. П.» */
  label: string;
  /** «7Б», «Педагог»… shown under the name and searched too. */
  sub?: string;
  /** Offered first, under `preferredHeading` (e.g. people with the right role). */
  preferred?: boolean;
  /** Shown but not choosable, with the reason in `sub`. */
  disabled?: boolean;
}

interface Props {
  label: string;
  options: readonly PickerOption[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** 1: choosing someone replaces the choice. */
  max?: number;
  error?: string;
  hint?: string;
  required?: boolean;
  preferredHeading?: string;
  othersHeading?: string;
  placeholder?: string;
  /** Rendered matches at most; the rest are one more word of search away. Keeps 2,000 people fast. */
  limit?: number;
  /** The form's field (its path), on the text box: the form's error summary finds and focuses it by this name. */
  name?: string;
}

interface Indexed extends PickerOption {
  search: string;
}

/**
 * A searchable multi-select of people, on the ARIA 1.2 combobox pattern: the text box owns a listbox (arrows move,
 * Enter or a tap ticks, Esc closes); the chosen people stand above it as chips with a «убрать» button each. Only
 * the first `limit` matches are rendered, so typing stays fast with thousands of people.
 */
export function PersonPicker({
  label,
  options,
  value,
  onChange,
  max,
  error,
  hint,
  required,
  preferredHeading = 'Подходящие',
  othersHeading = 'Остальные',
  placeholder = 'Начните вводить фамилию',
  limit = 40,
  name,
}: Props) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announce, setAnnounce] = useState('');
  const deferred = useDeferredValue(query);

  const index = useMemo<Indexed[]>(() => options.map((o) => ({ ...o, search: normalizeText(`${o.label} ${o.sub ?? ''}`) })), [options]);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const chosen = new Set(value);

  const { shown, total } = useMemo(() => {
    const found = deferred ? index.filter((o) => matchesQuery(o.search, deferred)) : index;
    // Stable: preferred first, in the caller's order within each group.
    const ordered = [...found.filter((o) => o.preferred), ...found.filter((o) => !o.preferred)];
    return { shown: ordered.slice(0, limit), total: ordered.length };
  }, [index, deferred, limit]);

  const activeOption = open ? shown[Math.min(active, shown.length - 1)] : undefined;
  const optionId = (optId: string) => `${id}-opt-${optId}`;

  useEffect(() => {
    if (!activeOption) return;
    document.getElementById(optionId(activeOption.id))?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption?.id]);

  const toggle = (o: PickerOption) => {
    if (o.disabled) return;
    if (chosen.has(o.id)) {
      onChange(value.filter((v) => v !== o.id));
      setAnnounce(`${o.label}: убран`);
      return;
    }
    if (max === 1) {
      onChange([o.id]);
      setOpen(false);
      setQuery('');
    } else if (max !== undefined && value.length >= max) {
      setAnnounce(`Можно выбрать не больше ${max}`);
      return;
    } else {
      onChange([...value, o.id]);
      // The next person is searched for afresh.
      setQuery('');
      setActive(0);
    }
    setAnnounce(`${o.label}: выбран`);
  };

  const remove = (optId: string) => {
    onChange(value.filter((v) => v !== optId));
    setAnnounce(`${byId.get(optId)?.label ?? 'Участник'}: убран`);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, last));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Home':
      case 'End':
        if (!open) return;
        e.preventDefault();
        setActive(e.key === 'Home' ? 0 : last);
        break;
      case 'Enter':
        if (open && activeOption) {
          e.preventDefault();
          toggle(activeOption);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
      case 'Backspace':
        if (!query && value.length) remove(value[value.length - 1]!);
        break;
    }
  };

  const preferred = shown.filter((o) => o.preferred);
  const others = shown.filter((o) => !o.preferred);
  const renderOption = (o: Indexed) => {
    const selected = chosen.has(o.id);
    return (
      <li
        key={o.id}
        id={optionId(o.id)}
        role="option"
        aria-selected={selected}
        aria-disabled={o.disabled || undefined}
        className={`picker-option${o === activeOption ? ' picker-option-active' : ''}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggle(o)}
      >
        <span className="picker-check" aria-hidden="true">
          {selected ? '✓' : ''}
        </span>
        <span className="picker-text">
          <span className="picker-label">{o.label}</span>
          {o.sub && <span className="picker-sub">{o.sub}</span>}
        </span>
      </li>
    );
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div
      className={`field person-picker${error ? ' field-invalid' : ''}`}
      onBlur={(e) => {
        const next = e.relatedTarget as HTMLElement | null;
        if (e.currentTarget.contains(next)) return;
        // Focus went to another field: it is there already, close now. Otherwise (a button, a link, or nothing, as
        // on iOS) close once the tap has landed: closing on pointer down would shift the page under the finger,
        // and the tap would miss the button the user aimed at below the list.
        if (next && next.matches('input, select, textarea')) {
          setOpen(false);
          return;
        }
        const close = () => {
          window.clearTimeout(timer);
          window.removeEventListener('click', close, true);
          setOpen(false);
        };
        const timer = window.setTimeout(close, 400);
        window.addEventListener('click', close, true);
      }}
    >
      <label htmlFor={`${id}-input`} id={`${id}-label`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {value.length > 0 && (
        <ul className="picker-chips" aria-label={`Выбрано: ${label.toLowerCase()}`}>
          {value.map((v) => (
            <li key={v} className="picker-chip">
              <span>{byId.get(v)?.label ?? '(участник удалён)'}</span>
              <button type="button" className="picker-chip-remove" aria-label={`Убрать: ${byId.get(v)?.label ?? 'участник'}`} onClick={() => remove(v)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={`${id}-input`}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={activeOption ? optionId(activeOption.id) : undefined}
        aria-describedby={describedBy}
        aria-invalid={!!error || undefined}
        aria-required={required || undefined}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <ul id={`${id}-list`} role="listbox" aria-multiselectable={max !== 1} aria-labelledby={`${id}-label`} className="picker-list" hidden={!open}>
        {shown.length === 0 && (
          <li role="presentation" className="picker-empty">
            {options.length === 0 ? 'Участников пока нет: сначала добавьте их в разделе «Участники».' : 'Никого не нашлось.'}
          </li>
        )}
        {preferred.length > 0 && others.length > 0 ? (
          <>
            <li role="presentation" className="picker-heading" id={`${id}-h1`}>
              {preferredHeading}
            </li>
            {preferred.map(renderOption)}
            <li role="presentation" className="picker-heading" id={`${id}-h2`}>
              {othersHeading}
            </li>
            {others.map(renderOption)}
          </>
        ) : (
          shown.map(renderOption)
        )}
        {total > shown.length && (
          <li role="presentation" className="picker-more">
            Показаны {shown.length} из {total}: уточните поиск.
          </li>
        )}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {open ? `${announce}${announce ? '. ' : ''}${total === 0 ? 'Никого не нашлось' : `Найдено: ${total}`}` : announce}
      </p>
    </div>
  );
}
