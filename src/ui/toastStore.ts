import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show: (text: string, action?: Toast['action']) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short messages after an action ("Сохранено", "Удалено — Вернуть"). UI state only; nothing stored. */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (text, action) => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, text, action }] });
    setTimeout(() => get().dismiss(id), action ? 8000 : 4000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((x) => x.id !== id) }),
}));
