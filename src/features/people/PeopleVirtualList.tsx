import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { defaultRangeExtractor, measureElement, useWindowVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useLocation, useNavigationType } from 'react-router';
import type { Person } from '../../domain/person';
import { PersonRow } from './PersonRow';

/** A row's height before it is measured: name, class line and one line of badges on a 360 px phone (88.5 px in Chromium). */
export const ROW_ESTIMATE = 88;
/** Rows rendered past each edge of the screen, so that Tab moves to a row that is already there. */
export const OVERSCAN = 8;

/**
 * The indexes to render: the window's (with the overscan) and the focused row's, so that a row holding the focus is
 * never unmounted under the user when the page scrolls away from it. Ascending, so that the DOM order (what Tab and
 * a screen reader follow) is the list's order.
 */
export function rowsToRender(range: Range, focused: number | null): number[] {
  const rows = defaultRangeExtractor(range);
  if (focused === null || focused < 0 || focused >= range.count || rows.includes(focused)) return rows;
  return focused < (rows[0] ?? 0) ? [focused, ...rows] : [...rows, focused];
}

/** A row never measures 0 on screen (min-height 44 px); 0 means no layout (jsdom, a hidden page): keep the estimate. */
const measureRow: typeof measureElement<HTMLLIElement> = (el, entry, instance) => measureElement(el, entry, instance) || ROW_ESTIMATE;

/**
 * Where the page was and what its rows measured, per history entry (the location's key): «Назад» to the list finds
 * the window where it was, not at the top. In memory only, the last few entries.
 */
const remembered = new Map<string, { scrollY: number; measurements: VirtualItem[] }>();

/**
 * The participants as a virtual list on the page's own scroll: only the rows on screen (± {@link OVERSCAN}) are in
 * the DOM, so a keystroke in the search renders about 30 rows whatever the total. Still a list to a screen reader:
 * each rendered row says its position in the whole (aria-posinset of aria-setsize).
 */
export function PeopleVirtualList({
  people,
  partnerNames,
  withoutConsent,
  consentAge,
}: {
  people: readonly Person[];
  partnerNames: ReadonlyMap<string, string>;
  /** Ids of people without a valid consent; undefined while consents load (no mark then). */
  withoutConsent: ReadonlySet<string> | undefined;
  consentAge: number | undefined;
}) {
  const historyKey = useLocation().key;
  const navigationType = useNavigationType();
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // Only a return to the entry («Назад», «Вперёд») restores; a link, or the list coming back after «Не найдено», does not.
  const [restore] = useState(() => (navigationType === 'POP' ? remembered.get(historyKey) : undefined));

  // The list's top in the document: the window's scroll counts from there. It moves when the filters open.
  useLayoutEffect(() => {
    const ul = listRef.current;
    if (!ul) return;
    const measure = () => setScrollMargin(Math.round(ul.getBoundingClientRect().top + window.scrollY + ul.clientTop));
    measure();
    if (typeof ResizeObserver === 'undefined' || !ul.parentElement) return;
    const observer = new ResizeObserver(measure);
    observer.observe(ul.parentElement);
    return () => observer.disconnect();
  }, []);

  const focusedIndex = focusedId === null ? null : people.findIndex((p) => p.id === focusedId);
  const getItemKey = useCallback((i: number) => people[i]?.id ?? i, [people]);
  const rangeExtractor = useCallback((range: Range) => rowsToRender(range, focusedIndex), [focusedIndex]);
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({
    count: people.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    rangeExtractor,
    measureElement: measureRow,
    // the screen's size from the first render, so that it renders the rows on screen at once, not after a measure
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // «Назад»: the rows as they measured, and the page scrolled back where it was (the virtualizer writes its offset
    // to the window once it is mounted, the list's height already there to scroll in).
    ...(restore && { initialMeasurementsCache: restore.measurements, initialOffset: restore.scrollY }),
  });

  useLayoutEffect(
    () => () => {
      remembered.delete(historyKey);
      // the virtualizer's last offset: by now the next page's DOM may have moved the window's scroll
      remembered.set(historyKey, { scrollY: virtualizer.scrollOffset ?? window.scrollY, measurements: virtualizer.measurementsCache });
      // the last few history entries are enough for «Назад»
      for (const key of remembered.keys()) if (remembered.size > 10) remembered.delete(key);
    },
    [historyKey, virtualizer],
  );

  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const id = e.target.closest('li')?.getAttribute('data-person');
    if (id) setFocusedId(id);
  };
  const onBlur = (e: FocusEvent<HTMLUListElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setFocusedId(null);
  };

  return (
    <ul
      ref={listRef}
      className="list list-virtual"
      role="list"
      aria-label="Список участников"
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const p = people[row.index]!;
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            data-person={p.id}
            aria-setsize={people.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start - scrollMargin}px)` }}
          >
            <PersonRow person={p} partnerName={partnerNames.get(p.partnerId)} noConsent={withoutConsent?.has(p.id) ?? false} consentAge={consentAge} />
          </li>
        );
      })}
    </ul>
  );
}
