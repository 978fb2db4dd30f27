import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

/** How long a plain message stays: long enough to read «Приказ сохранён», short enough not to linger over the next tap. */
export const TOAST_MS = 2500;
/** A message with an action («Удалено — Вернуть») stays longer, so that the action can be reached. */
export const TOAST_ACTION_MS = 5000;

interface ToastState {
  /** The one message on screen; a newer message replaces it. */
  current: Toast | null;
  show: (text: string, action?: Toast['action']) => void;
  /** Removes the message `id` if it is still the one shown (a late timer of a replaced message does nothing). */
  dismiss: (id: number) => void;
  /** Keeps the message while its action button has focus (a keyboard or screen-reader user is about to press it). */
  hold: () => void;
  /** Lets the message go again: it stays its full time from now. */
  release: () => void;
}

let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

function stopTimer() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

/** Short messages after an action ("Сохранено", "Удалено — Вернуть"). UI state only; nothing stored. One at a time. */
export const useToasts = create<ToastState>((set, get) => {
  const startTimer = (x: Toast) => {
    stopTimer();
    timer = setTimeout(() => get().dismiss(x.id), x.action ? TOAST_ACTION_MS : TOAST_MS);
  };
  return {
    current: null,
    show: (text, action) => {
      const x: Toast = { id: nextId++, text, action };
      set({ current: x });
      startTimer(x);
    },
    dismiss: (id) => {
      if (get().current?.id !== id) return;
      stopTimer();
      set({ current: null });
    },
    hold: stopTimer,
    release: () => {
      const x = get().current;
      if (x) startTimer(x);
    },
  };
});
