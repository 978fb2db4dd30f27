// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PeopleListPage } from '../../../../src/features/people/PeopleListPage';
import { OVERSCAN, ROW_ESTIMATE, rowsToRender } from '../../../../src/features/people/PeopleVirtualList';
import { peopleRepo } from '../../../../src/storage/repositories';

// jsdom lays nothing out: the window is 1024×768 and every row measures 0, so the list places rows at ROW_ESTIMATE.
const TOTAL = 300;
const LAST_NAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Волков'];
const FIRST_NAMES = ['Алексей', 'Борис', 'Василий', 'Григорий', 'Дмитрий'];

const person = (lastName: string, firstName: string, middleName: string) => ({
  lastName,
  firstName,
  middleName,
  category: 'teacher' as const,
  classLabel: '',
  birthDate: '',
  phone: '',
  email: '',
  roles: [],
  interests: [],
  competencies: [],
  partnerId: '',
  notes: '',
});

beforeAll(async () => {
  // 299 people and one who sorts last («Яшин»); their middle names (А…, Б…) keep ФИО distinct enough to find.
  const middles = ['Андреевич', 'Борисович', 'Викторович', 'Глебович', 'Денисович', 'Егорович', 'Иванович', 'Олегович', 'Петрович', 'Романович'];
  const items = Array.from({ length: TOTAL - 1 }, (_, i) => ({
    fields: person(LAST_NAMES[i % LAST_NAMES.length]!, FIRST_NAMES[Math.floor(i / LAST_NAMES.length) % FIRST_NAMES.length]!, middles[Math.floor(i / 30) % middles.length]!),
  }));
  items.push({ fields: person('Яшин', 'Ярослав', 'Юрьевич') });
  await peopleRepo.saveMany(items);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setScrollY(0);
});

function setScrollY(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true, writable: true });
  Object.defineProperty(window, 'pageYOffset', { value: y, configurable: true, writable: true });
}
/** A scroll of the page, as the browser would report it. */
function scrollTo(y: number) {
  act(() => {
    setScrollY(y);
    window.dispatchEvent(new Event('scroll'));
  });
}

function renderList(initial = '/people') {
  const router = createMemoryRouter(
    [
      { path: '/people', element: <PeopleListPage /> },
      { path: '/people/:id', element: <p>карточка участника</p> },
    ],
    { initialEntries: [initial] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const loaded = async () => expect((await screen.findByTestId('people-count')).textContent).toBe('Всего: 300 участников');
const items = () => within(screen.getByRole('list', { name: 'Список участников' })).getAllByRole('listitem');
const positions = () => items().map((li) => Number(li.getAttribute('aria-posinset')));

describe('rowsToRender (the range with the focused row kept)', () => {
  const range = { startIndex: 10, endIndex: 20, overscan: 2, count: 100 };
  const window = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
  it('is the window with its overscan when nothing in the list has focus, or the focused row is in it', () => {
    expect(rowsToRender(range, null)).toEqual(window);
    expect(rowsToRender(range, 15)).toEqual(window);
    expect(rowsToRender(range, 8)).toEqual(window);
  });
  it('adds a focused row outside the window, in the list’s order', () => {
    expect(rowsToRender(range, 3)).toEqual([3, ...window]);
    expect(rowsToRender(range, 60)).toEqual([...window, 60]);
  });
  it('ignores a focused index that is not in the list (any more)', () => {
    expect(rowsToRender(range, -1)).toEqual(window);
    expect(rowsToRender(range, 100)).toEqual(window);
  });
});

describe('PeopleListPage as a virtual list', () => {
  it('renders only the rows on screen, each saying its place in the whole list; no «Показать ещё»', async () => {
    renderList();
    expect((await screen.findByTestId('people-count')).textContent).toBe('Всего: 300 участников');
    const onScreen = Math.ceil(768 / ROW_ESTIMATE);
    expect(items().length).toBeGreaterThanOrEqual(onScreen);
    expect(items().length).toBeLessThanOrEqual(onScreen + OVERSCAN + 1);
    expect(positions()).toEqual(Array.from({ length: items().length }, (_, i) => i + 1));
    expect(items().every((li) => li.getAttribute('aria-setsize') === String(TOTAL))).toBe(true);
    expect(screen.queryByRole('button', { name: /Показать ещё/ })).toBeNull();
    expect(screen.getByRole('list', { name: 'Список участников' }).style.height).toBe(`${TOTAL * ROW_ESTIMATE}px`);
  });

  it('follows the page’s scroll: the middle, then the last person at the end', async () => {
    renderList();
    await loaded();
    scrollTo(150 * ROW_ESTIMATE);
    await waitFor(() => expect(positions()).toContain(151));
    expect(positions()).not.toContain(1);
    expect(Math.min(...positions())).toBeGreaterThanOrEqual(151 - OVERSCAN);
    scrollTo(TOTAL * ROW_ESTIMATE - 768);
    await waitFor(() => expect(positions().at(-1)).toBe(TOTAL));
    expect(items().at(-1)!.textContent).toContain('Яшин Ярослав Юрьевич');
  });

  it('a search narrows the list: the set size is the number found and every row is a match', async () => {
    renderList();
    await loaded();
    fireEvent.change(screen.getByLabelText('Поиск по ФИО или классу'), { target: { value: 'волков дмитрий' } });
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('Найдено: 9 из 300'));
    expect(items()).toHaveLength(9);
    expect(items().every((li) => li.getAttribute('aria-setsize') === '9')).toBe(true);
    expect(items().every((li) => /^Волков Дмитрий/.test(li.textContent ?? ''))).toBe(true);
  });

  it('keeps the focused row (and the focus) when the page scrolls far from it', async () => {
    renderList();
    await loaded();
    const link = within(items()[1]!).getByRole('link');
    act(() => link.focus());
    scrollTo(200 * ROW_ESTIMATE);
    await waitFor(() => expect(positions()).toContain(201));
    expect(positions()[0]).toBe(2);
    expect(document.activeElement).toBe(link);
    // Focus leaves the list: the row goes like any other off screen.
    act(() => screen.getByLabelText('Поиск по ФИО или классу').focus());
    await waitFor(() => expect(positions()).not.toContain(2));
  });

  it('«Назад» from a card puts the page back where the list was', async () => {
    // jsdom does not scroll: a write moves scrollY, as a browser's would (the list is long enough to scroll in).
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(((options: ScrollToOptions) => setScrollY(options.top ?? 0)) as typeof window.scrollTo);
    const router = renderList('/people?q=Смирнов');
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('Найдено: 50 из 300'));
    scrollTo(30 * ROW_ESTIMATE);
    await waitFor(() => expect(positions()).toContain(31));
    fireEvent.click(within(items().find((li) => li.getAttribute('aria-posinset') === '31')!).getByRole('link'));
    await screen.findByText('карточка участника');
    expect(scroll).not.toHaveBeenCalledWith(expect.objectContaining({ top: 30 * ROW_ESTIMATE }));
    setScrollY(0);
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('Найдено: 50 из 300'));
    expect((screen.getByLabelText('Поиск по ФИО или классу') as HTMLInputElement).value).toBe('Смирнов');
    expect(scroll).toHaveBeenLastCalledWith(expect.objectContaining({ top: 30 * ROW_ESTIMATE }));
    expect(positions()).toContain(31);

    // A new visit to the list from the card (a link, not «Назад») is a new history entry: nothing to restore.
    fireEvent.click(within(items().find((li) => li.getAttribute('aria-posinset') === '31')!).getByRole('link'));
    await screen.findByText('карточка участника');
    setScrollY(0);
    scroll.mockClear();
    await act(() => router.navigate('/people?q=Смирнов'));
    await waitFor(() => expect(screen.getByTestId('people-count').textContent).toBe('Найдено: 50 из 300'));
    expect(positions()[0]).toBe(1);
    expect(scroll).not.toHaveBeenCalledWith(expect.objectContaining({ top: 30 * ROW_ESTIMATE }));
  });
});
