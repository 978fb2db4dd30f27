// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { RecordRejected } from '../../../src/domain/recordRules';
import { FormErrorSummary } from '../../../src/ui/FormErrorSummary';
import { TextField } from '../../../src/ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../../src/ui/formResolver';

afterEach(cleanup);

const schema = z.object({
  lastName: z.string().min(1, 'Укажите фамилию'),
  phone: z.string().max(5, 'Слишком длинный телефон'),
  items: z.array(z.object({ text: z.string().min(1, 'Напишите текст вопроса') })),
});
type Form = z.input<typeof schema>;

function Sample() {
  const { register, handleSubmit, setError, formState } = useForm<Form, unknown, z.output<typeof schema>>({
    defaultValues: { lastName: '', phone: '1234567', items: [{ text: 'есть' }, { text: '' }] },
    resolver: domainResolver<Form, typeof schema>(schema, (v) => v, { fieldOf: (p) => p }),
  });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async () => {
        const r = await writeOrShowRefusal(setError, () => Promise.reject(new RecordRejected('people', { lastName: 'Данные этого человека уничтожены', _: 'Запись не сохранена' })));
        expect(r).toBe(REFUSED);
      })}
    >
      <TextField label="Телефон" error={formState.errors.phone?.message} {...register('phone')} />
      <TextField label="Фамилия" required error={formState.errors.lastName?.message} {...register('lastName')} />
      <TextField label="Вопрос 1" {...register('items.0.text')} />
      <TextField label="Вопрос 2" error={formState.errors.items?.[1]?.text?.message} {...register('items.1.text')} />
      <FormErrorSummary errors={formState.errors} />
      <button type="submit">Сохранить</button>
    </form>
  );
}

describe('FormErrorSummary', () => {
  it('lists every field message with its label, in the order of the page, nested fields included; a button focuses the field', async () => {
    render(<Sample />);
    expect(screen.queryByText('Проверьте поля, отмеченные красным.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    const list = await screen.findByRole('list', { name: 'Ошибки в форме' });
    await waitFor(() =>
      expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
        'Телефон: Слишком длинный телефон',
        'Фамилия: Укажите фамилию',
        'Вопрос 2: Напишите текст вопроса',
      ]),
    );
    expect(screen.getByText('Проверьте поля, отмеченные красным.').getAttribute('role')).toBe('alert');
    fireEvent.click(within(list).getByRole('button', { name: 'Вопрос 2: Напишите текст вопроса' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Вопрос 2'));
    fireEvent.click(within(list).getByRole('button', { name: 'Фамилия: Укажите фамилию' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Фамилия/));
  });

  it('shows a refused write of the storage layer through the same list, a message without a field as text', async () => {
    render(<Sample />);
    fireEvent.change(screen.getByLabelText(/Фамилия/), { target: { value: 'Иванова' } });
    fireEvent.change(screen.getByLabelText('Телефон'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Вопрос 2'), { target: { value: 'Как дела?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    const list = await screen.findByRole('list', { name: 'Ошибки в форме' });
    await waitFor(() => expect(list.textContent).toContain('Фамилия: Данные этого человека уничтожены'));
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Фамилия: Данные этого человека уничтожены', 'Запись не сохранена']);
    // Under the field too, as its own message.
    expect(screen.getByLabelText(/Фамилия/).getAttribute('aria-invalid')).toBe('true');
  });
});
