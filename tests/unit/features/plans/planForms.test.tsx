// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { PlanPage } from '../../../../src/features/plans/PlanPage';
import { getDb } from '../../../../src/storage/db';
import { mentorshipsRepo, peopleRepo, planItemsRepo, plansRepo } from '../../../../src/storage/repositories';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const person = (lastName: string, category: 'teacher' | 'student') => ({ lastName, firstName: 'Анна', middleName: '', category, classLabel: category === 'student' ? '7Б' : '', birthDate: category === 'student' ? '2012-04-02' : '', phone: '', email: '', roles: [], interests: [], competencies: [], partnerId: '', notes: '' });

async function renderPlan() {
  const t = await peopleRepo.save({ ...person('Петрова', 'teacher'), roles: ['mentor'] });
  const s = await peopleRepo.save({ ...person('Семёнова', 'student'), roles: ['mentee'] });
  const m = await mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [t.id], menteeIds: [s.id], status: 'active' }));
  const router = createMemoryRouter([{ path: '/mentorships/:id/plan', element: <PlanPage /> }], { initialEntries: [`/mentorships/${m.id}/plan`] });
  render(<RouterProvider router={router} />);
  return m;
}

describe('the plan page’s title and item forms (react-hook-form, the plan’s schema, refusals under the field)', () => {
  it('creating and renaming a plan: an empty title is said under the field and writes nothing', async () => {
    const m = await renderPlan();
    const title = await screen.findByLabelText('Название плана');
    fireEvent.change(title, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать план' }));
    expect(await screen.findByText('Укажите название плана')).toBeTruthy();
    expect(await plansRepo.listWhere('mentorshipId', m.id)).toEqual([]);
    fireEvent.change(title, { target: { value: ' План на год ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Создать план' }));
    expect(await screen.findByRole('heading', { name: 'План на год' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Переименовать план' }));
    const rename = await screen.findByLabelText('Название плана');
    fireEvent.change(rename, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Укажите название плана')).toBeTruthy();
    expect((await plansRepo.listWhere('mentorshipId', m.id)).map((p) => p.title)).toEqual(['План на год']);
    fireEvent.change(rename, { target: { value: 'План на 2025/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByRole('heading', { name: 'План на 2025/2026' })).toBeTruthy();
    expect(screen.queryByLabelText('Название плана')).toBeNull();
  });

  it('an item’s «Подробнее»: an empty «Что сделать» is said under it and changes nothing; a right edit saves and closes', async () => {
    const m = await renderPlan();
    fireEvent.click(await screen.findByRole('button', { name: 'Создать план' }));
    await screen.findByRole('heading', { name: /Индивидуальный план/ });
    const [plan] = await plansRepo.listWhere('mentorshipId', m.id);
    const item = await planItemsRepo.save({ planId: plan!.id, title: 'Проект по химии', dueDate: '', status: 'planned', result: '', evidence: '', order: 0 });
    fireEvent.click(await screen.findByRole('button', { name: /^Подробнее/ }));
    const row = screen.getByRole('listitem', { name: 'Проект по химии' });
    fireEvent.change(within(row).getByLabelText('Что сделать'), { target: { value: ' ' } });
    fireEvent.change(within(row).getByLabelText('Результат'), { target: { value: 'Доклад на конференции' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Сохранить' }));
    expect(await within(row).findByText('Укажите, что нужно сделать')).toBeTruthy();
    expect((await planItemsRepo.get(item.id))?.result).toBe('');
    fireEvent.change(within(row).getByLabelText('Что сделать'), { target: { value: 'Проект по химии ' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Сохранить' }));
    await waitFor(async () => expect((await planItemsRepo.get(item.id))?.result).toBe('Доклад на конференции'));
    expect((await planItemsRepo.get(item.id))?.title).toBe('Проект по химии');
    await waitFor(() => expect(within(row).queryByLabelText('Что сделать')).toBeNull());
    // Opened again, the form holds the item's values as they are now.
    fireEvent.click(within(row).getByRole('button', { name: /^Подробнее/ }));
    expect((within(row).getByLabelText('Результат') as HTMLTextAreaElement).value).toBe('Доклад на конференции');
  });
});
