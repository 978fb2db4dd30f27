// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PersonPicker, type PickerOption } from '../../../src/ui/PersonPicker';

afterEach(cleanup);

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Фёдоров'];
/** 2,000 people: the first ten are mentors (preferred). */
const many: PickerOption[] = Array.from({ length: 2000 }, (_, i) => ({
  id: `p${i}`,
  label: `${SURNAMES[i % SURNAMES.length]}-${i} А.`,
  sub: `${(i % 11) + 1}Б класс`,
  preferred: i < 10,
}));

function Harness({ options = many, max, initial = [] as string[] }: { options?: PickerOption[]; max?: number; initial?: string[] }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <>
      <PersonPicker label="Наставляемые" options={options} value={value} onChange={setValue} max={max} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

const box = () => screen.getByRole('combobox', { name: 'Наставляемые' });
const listbox = () => screen.getByRole('listbox', { hidden: true });
const value = () => screen.getByTestId('value').textContent;

describe('PersonPicker', () => {
  it('renders at most 40 of 2,000 people, the preferred first, and says how to find the rest', () => {
    render(<Harness />);
    fireEvent.focus(box());
    expect(box().getAttribute('aria-expanded')).toBe('true');
    const options = within(listbox()).getAllByRole('option');
    expect(options).toHaveLength(40);
    expect(options[0]!.textContent).toContain('Иванов-0 А.');
    expect(listbox().textContent).toContain('Показаны 40 из 2000: уточните поиск.');
  });

  it('finds by any word, ё as е, in a few milliseconds', () => {
    render(<Harness />);
    const t0 = performance.now();
    fireEvent.change(box(), { target: { value: 'федоров-1999' } });
    const took = performance.now() - t0;
    expect(within(listbox()).getAllByRole('option').map((o) => o.textContent)).toEqual(['Фёдоров-1999 А.9Б класс']);
    expect(took).toBeLessThan(200);
  });

  it('is used with the keyboard: arrows move, Enter ticks, Backspace removes the last, Esc closes', () => {
    render(<Harness />);
    fireEvent.change(box(), { target: { value: 'петров' } });
    const first = within(listbox()).getAllByRole('option')[0]!;
    expect(box().getAttribute('aria-activedescendant')).toBe(first.id);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    const second = within(listbox()).getAllByRole('option')[1]!;
    expect(box().getAttribute('aria-activedescendant')).toBe(second.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(value()).toBe('p9');
    expect((box() as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('list', { name: 'Выбрано: наставляемые' }).textContent).toContain('Петров-9 А.');
    fireEvent.keyDown(box(), { key: 'Backspace' });
    expect(value()).toBe('');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('marks chosen options selected, and a chip’s button removes its person', () => {
    render(<Harness initial={['p1']} />);
    fireEvent.focus(box());
    expect(within(listbox()).getByRole('option', { name: /Петров-1 А\./ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Убрать: Петров-1 А.' }));
    expect(value()).toBe('');
  });

  it('with max 1 replaces the choice and closes; a disabled person cannot be chosen', () => {
    const options = [
      { id: 'a', label: 'Антонов А.' },
      { id: 'b', label: 'Борисов Б.', sub: 'уже наставник', disabled: true },
    ];
    render(<Harness options={options} max={1} initial={['a']} />);
    fireEvent.focus(box());
    fireEvent.click(within(listbox()).getByRole('option', { name: /Борисов/ }));
    expect(value()).toBe('a');
    act(() => {
      fireEvent.click(within(listbox()).getByRole('option', { name: /Антонов/ }));
    });
    expect(value()).toBe('');
  });
});
