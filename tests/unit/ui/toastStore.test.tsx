// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TOAST_ACTION_MS, TOAST_MS, useToasts } from '../../../src/ui/toastStore';
import { Toasts } from '../../../src/ui/Toasts';

const text = () => useToasts.getState().current?.text ?? null;

beforeEach(() => {
  vi.useFakeTimers();
  const x = useToasts.getState().current;
  if (x) useToasts.getState().dismiss(x.id);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('toast timing', () => {
  it('a plain message stays about 2.5 s, no longer', () => {
    expect(TOAST_MS).toBeLessThanOrEqual(2500);
    useToasts.getState().show('Приказ сохранён');
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(text()).toBe('Приказ сохранён');
    vi.advanceTimersByTime(1);
    expect(text()).toBeNull();
  });

  it('a message with «Вернуть» stays longer, but not the old 8 s', () => {
    expect(TOAST_ACTION_MS).toBeGreaterThan(TOAST_MS);
    expect(TOAST_ACTION_MS).toBeLessThan(8000);
    useToasts.getState().show('Встреча удалена', { label: 'Вернуть', run: () => {} });
    vi.advanceTimersByTime(TOAST_MS);
    expect(text()).toBe('Встреча удалена');
    vi.advanceTimersByTime(TOAST_ACTION_MS - TOAST_MS);
    expect(text()).toBeNull();
  });

  it('one at a time: a newer message replaces the older, and gets its own full time', () => {
    useToasts.getState().show('Приказ сохранён');
    vi.advanceTimersByTime(2000);
    useToasts.getState().show('Файл DOCX сохранён в загрузки');
    expect(text()).toBe('Файл DOCX сохранён в загрузки');
    // The first message's timer would have fired here; it must not take the second one away.
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(text()).toBe('Файл DOCX сохранён в загрузки');
    vi.advanceTimersByTime(1);
    expect(text()).toBeNull();
  });

  it('a replaced message with an action does not keep the newer one on screen for the action’s time', () => {
    useToasts.getState().show('Пара удалена', { label: 'Вернуть', run: () => {} });
    useToasts.getState().show('Сохранено');
    vi.advanceTimersByTime(TOAST_MS);
    expect(text()).toBeNull();
  });

  it('dismissing a message that is no longer shown does nothing', () => {
    useToasts.getState().show('Первое');
    const first = useToasts.getState().current!.id;
    useToasts.getState().show('Второе');
    useToasts.getState().dismiss(first);
    expect(text()).toBe('Второе');
  });

  it('while its action button has focus the message stays; after blur it gets its full time again', () => {
    useToasts.getState().show('Встреча удалена', { label: 'Вернуть', run: () => {} });
    useToasts.getState().hold();
    vi.advanceTimersByTime(60_000);
    expect(text()).toBe('Встреча удалена');
    useToasts.getState().release();
    vi.advanceTimersByTime(TOAST_ACTION_MS - 1);
    expect(text()).toBe('Встреча удалена');
    vi.advanceTimersByTime(1);
    expect(text()).toBeNull();
  });
});

describe('<Toasts>', () => {
  it('is a polite live region showing one message; «Вернуть» runs the action and closes the message', () => {
    const run = vi.fn();
    render(<Toasts />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    act(() => {
      useToasts.getState().show('Приказ сохранён');
      useToasts.getState().show('Встреча удалена', { label: 'Вернуть', run });
    });
    expect(region.textContent).toBe('Встреча удалена' + 'Вернуть');
    expect(region.querySelectorAll('.toast')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Вернуть' }));
    expect(run).toHaveBeenCalledOnce();
    expect(region.textContent).toBe('');
  });

  it('the message goes away by itself after its time', () => {
    render(<Toasts />);
    act(() => useToasts.getState().show('Сохранено'));
    expect(screen.getByRole('status').textContent).toBe('Сохранено');
    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
