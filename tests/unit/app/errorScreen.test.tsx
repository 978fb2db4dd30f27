// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ErrorBoundary, RouteErrorScreen } from '../../../src/app/ErrorScreen';
import { listenForUnexpectedErrors, unexpectedErrorMessage } from '../../../src/ui/unexpectedErrors';
import { useToasts } from '../../../src/ui/toastStore';
import { AppError } from '../../../src/domain/errors';
import { RecordRejected } from '../../../src/domain/recordRules';
import { peopleRepo } from '../../../src/storage/repositories';
import { getDb } from '../../../src/storage/db';

afterEach(async () => {
  cleanup();
  await getDb().people.clear();
});

function Broken({ what }: { what: string }): never {
  throw new Error(what);
}

describe('a page that throws', () => {
  it('shows the error screen inside the route, with «Попробовать снова», the backup and the details; the stored data stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = await peopleRepo.save({ lastName: 'Петров', firstName: 'Иван', middleName: '', category: 'teacher', classLabel: '', birthDate: '', phone: '', email: '', roles: ['mentor'], interests: [], competencies: [], partnerId: '', notes: '' });
    const router = createMemoryRouter(
      [{ path: '/', element: <p>рамка</p>, children: [] }, { errorElement: <RouteErrorScreen />, children: [{ path: '/people/:id', element: <Broken what="roles is null" /> }] }],
      { initialEntries: [`/people/${saved.id}`] },
    );
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'Этот экран не открылся' })).toBeTruthy();
    expect(screen.getByText(/Данные на этом устройстве сохранены/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Попробовать снова' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сохранить резервную копию' })).toBeTruthy();
    expect(screen.getByText('roles is null')).toBeTruthy();
    expect((await peopleRepo.get(saved.id))?.lastName).toBe('Петров');
  });

  it('outside the routes, the boundary shows the same screen and «Попробовать снова» renders the children again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    function Flaky() {
      const [n] = useState(1);
      if (fail) throw new Error('сбой');
      return <p>снова работает {n}</p>;
    }
    render(
      <ErrorBoundary>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Этот экран не открылся' })).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Попробовать снова' }));
    expect(await screen.findByText('снова работает 1')).toBeTruthy();
  });
});

describe('a failed action nobody caught', () => {
  it('says in Russian what failed when the refusal is ours, and a plain sentence for any other error', () => {
    expect(unexpectedErrorMessage(new RecordRejected('people', { firstName: 'Укажите имя' }))).toBe(
      'Не получилось: Участники: запись не сохранена — Укажите имя. Ничего не изменилось — попробуйте ещё раз.',
    );
    expect(unexpectedErrorMessage(new AppError('notFound', 'План не найден'))).toBe('Не получилось: План не найден. Ничего не изменилось — попробуйте ещё раз.');
    // a plain Error is a fault of the app, even with Russian text: its words are not shown
    expect(unexpectedErrorMessage(new Error('Неверная метка времени: x'))).toMatch(/^Не получилось выполнить действие\./);
    expect(unexpectedErrorMessage(new TypeError("Cannot read properties of undefined (reading 'map')"))).toMatch(/^Не получилось выполнить действие\./);
    expect(unexpectedErrorMessage(undefined)).toMatch(/^Не получилось выполнить действие\./);
  });

  it('an unhandled rejection becomes a message on screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const target = new EventTarget();
    listenForUnexpectedErrors(target as unknown as Window);
    const event = new Event('unhandledrejection') as Event & { reason: unknown };
    event.reason = new AppError('noSchool', 'Сначала заполните сведения о школе');
    target.dispatchEvent(event);
    expect(useToasts.getState().current?.text).toBe('Не получилось: Сначала заполните сведения о школе. Ничего не изменилось — попробуйте ещё раз.');
  });
});
