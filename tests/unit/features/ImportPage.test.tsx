// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ImportPage } from '../../../src/features/people/ImportPage';
import { getDb } from '../../../src/storage/db';

afterEach(async () => {
  cleanup();
  await getDb().people.clear();
});

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/people/import', element: <ImportPage /> },
      { path: '/people', element: <p>список участников</p> },
    ],
    { initialEntries: ['/people/import'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

/** jsdom's File has no arrayBuffer(); the reader needs only a name and the bytes. */
function pick(name: string, bytes: Uint8Array) {
  const file = { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
  fireEvent.change(screen.getByLabelText('Файл списка (.xlsx или .csv)'), { target: { files: [file] } });
}
// Under jsdom import.meta.url is not a file URL; vitest runs from the project root.
const fixture = (name: string) => new Uint8Array(readFileSync(`${process.cwd()}/tests/fixtures/${name}`));

describe('ImportPage', () => {
  it('previews the Windows-1251 list, writes nothing until confirmed, then adds the good rows', async () => {
    const router = renderPage();
    pick('class-7b-cp1251.csv', fixture('class-7b-cp1251.csv'));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['ok', 'ok', 'ok', 'bad', 'ok', 'ok']);
    expect(rows[3]!.textContent).toContain('Дата рождения: неверная дата «31.02.2012»');
    expect(rows[3]!.textContent).toMatch(/^5/);
    expect(screen.getByTestId('import-counts').textContent).toContain('Будет добавлено: 5');
    expect(await getDb().people.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: /^Добавить 5 участников/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/people'));
    expect(await getDb().people.count()).toBe(5);
  });

  it('flags duplicates of the base and skips them unless the user ticks the box', async () => {
    renderPage();
    pick('class-8a.xlsx', fixture('class-8a.xlsx'));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: /^Добавить 4 участника/ }));
    await waitFor(async () => expect(await getDb().people.count()).toBe(4));

    cleanup();
    renderPage();
    pick('class-8a.xlsx', fixture('class-8a.xlsx'));
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row').filter((r) => r.dataset.status === 'duplicate')).toHaveLength(4));
    const confirm = screen.getByRole('button', { name: /^Добавить/ }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Всё равно добавить дубликаты/));
    expect(confirm.textContent).toBe('Добавить 4 участника');
  });

  it('a wrong file shows a Russian alert and no preview', async () => {
    renderPage();
    pick('photo.xlsx', fixture('not-a-table.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toContain('Это не таблица');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('a list without a name column says which headers it looks for', async () => {
    renderPage();
    pick('list.csv', new TextEncoder().encode('Ученик;Класс\nИванов Иван;7Б\n'));
    const alert = await screen.findByRole('alert');
    expect(alert.className).toContain('notice-error');
    expect(alert.textContent).toContain('Фамилия Имя Отчество');
  });
});
