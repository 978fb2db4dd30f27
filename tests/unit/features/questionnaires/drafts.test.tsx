// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { FillPage } from '../../../../src/features/questionnaires/FillPage';
import { QuestionnaireEditPage } from '../../../../src/features/questionnaires/QuestionnaireEditPage';
import { getDb } from '../../../../src/storage/db';
import { peopleRepo } from '../../../../src/storage/repositories';
import { questionnairesRepo, responsesRepo } from '../../../../src/storage/yearWork';

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all([db.people.clear(), db.questionnaires.clear(), db.responses.clear(), db.drafts.clear()]);
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/questionnaires/new', element: <QuestionnaireEditPage /> },
      { path: '/questionnaires/:id/fill', element: <FillPage /> },
      { path: '/questionnaires/:id', element: <p>анкета</p> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

async function setUp() {
  await peopleRepo.save({ lastName: 'Семёнова', firstName: 'Анна', middleName: '', category: 'student', classLabel: '7Б', birthDate: '2012-04-02', phone: '', email: '', roles: ['mentee'], interests: [], competencies: [], partnerId: '', notes: '' });
  return questionnairesRepo.save({
    title: 'Итоги года',
    role: 'mentee',
    beforeAfter: false,
    description: '',
    formIds: [],
    questions: [
      { id: 'q1', kind: 'scale', text: 'Насколько вы довольны встречами?', options: [] },
      { id: 'q2', kind: 'text', text: 'Что понравилось больше всего?', options: [] },
    ],
  });
}

describe('questionnaire drafts', () => {
  it('FillPage: the answers typed survive the page going away and coming back; saving clears the draft', async () => {
    const q = await setUp();
    renderAt(`/questionnaires/${q.id}/fill`);
    const scale = await screen.findByRole('radiogroup', { name: 'Насколько вы довольны встречами?' });
    fireEvent.click(within(scale).getByRole('radio', { name: '7 из 10' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Что понравилось больше всего?' }), { target: { value: 'Проекты по химии' } });
    await waitFor(async () => expect((await getDb().drafts.get(`response:${q.id}`))?.value).toMatchObject({ answers: { q1: 7, q2: 'Проекты по химии' } }));

    // The tab closed, the phone rang: the form opens again with what was entered.
    cleanup();
    const router = renderAt(`/questionnaires/${q.id}/fill`);
    expect(await screen.findByText(/Восстановлены несохранённые ответы этой анкеты/)).toBeTruthy();
    await waitFor(() => expect((within(screen.getByRole('radiogroup', { name: 'Насколько вы довольны встречами?' })).getByRole('radio', { name: '7 из 10' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('textbox', { name: 'Что понравилось больше всего?' }) as HTMLInputElement).value).toBe('Проекты по химии');
    // Семёнова is the only mentee: chosen already, as before the draft.
    expect(screen.getByRole('list', { name: 'Выбрано: кто отвечает' }).textContent).toContain('Семёнова А.');

    fireEvent.click(screen.getByRole('button', { name: 'Сохранить ответы' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/questionnaires/${q.id}`));
    expect(await responsesRepo.listWhere('questionnaireId', q.id)).toHaveLength(1);
    expect(await getDb().drafts.get(`response:${q.id}`)).toBeUndefined();
  });

  it('FillPage: «Удалить черновик» brings back the empty answers', async () => {
    const q = await setUp();
    renderAt(`/questionnaires/${q.id}/fill`);
    fireEvent.click(within(await screen.findByRole('radiogroup', { name: 'Насколько вы довольны встречами?' })).getByRole('radio', { name: '3 из 10' }));
    await waitFor(async () => expect(await getDb().drafts.get(`response:${q.id}`)).toBeDefined());
    cleanup();
    renderAt(`/questionnaires/${q.id}/fill`);
    const notice = await screen.findByText(/Восстановлены несохранённые ответы/);
    fireEvent.click(within(notice).getByRole('button'));
    await waitFor(() => expect(screen.queryByText(/Восстановлены несохранённые ответы/)).toBeNull());
    expect((within(screen.getByRole('radiogroup', { name: 'Насколько вы довольны встречами?' })).getByRole('radio', { name: '3 из 10' }) as HTMLInputElement).checked).toBe(false);
    expect(await getDb().drafts.get(`response:${q.id}`)).toBeUndefined();
  });

  it('QuestionnaireEditPage: a questionnaire being built survives a remount, its questions included', async () => {
    renderAt('/questionnaires/new');
    fireEvent.change(await screen.findByLabelText('Название анкеты'), { target: { value: 'Уверенность в себе' } });
    fireEvent.change(screen.getByLabelText('Текст вопроса 1'), { target: { value: 'Насколько вы уверены в себе?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить вопрос' }));
    fireEvent.change(screen.getByLabelText('Текст вопроса 2'), { target: { value: 'Как часто вы выступаете?' } });
    fireEvent.change(screen.getByLabelText('Вид вопроса 2'), { target: { value: 'one' } });
    fireEvent.change(await screen.findByLabelText('Варианты ответа на вопрос 2'), { target: { value: 'часто\nредко' } });
    await waitFor(async () => expect((await getDb().drafts.get('questionnaire:new'))?.value).toMatchObject({ title: 'Уверенность в себе', questions: [{}, { options: 'часто\nредко' }] }));

    cleanup();
    const router = renderAt('/questionnaires/new');
    expect(await screen.findByText('Восстановлен несохранённый черновик этой анкеты.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Название анкеты') as HTMLInputElement).value).toBe('Уверенность в себе'));
    expect((screen.getByLabelText('Текст вопроса 2') as HTMLInputElement).value).toBe('Как часто вы выступаете?');
    expect((screen.getByLabelText('Варианты ответа на вопрос 2') as HTMLTextAreaElement).value).toBe('часто\nредко');

    fireEvent.click(screen.getByRole('button', { name: 'Сохранить анкету' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/questionnaires\/[0-9a-f-]{36}$/));
    const [saved] = await questionnairesRepo.list();
    expect(saved!.questions.map((x) => [x.kind, x.text, x.options])).toEqual([
      ['scale', 'Насколько вы уверены в себе?', []],
      ['one', 'Как часто вы выступаете?', ['часто', 'редко']],
    ]);
    expect(await getDb().drafts.get('questionnaire:new')).toBeUndefined();
  });
});
