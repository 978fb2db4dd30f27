import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { clearDraft, loadDraft, saveDraft } from '../storage/drafts';

/**
 * Keeps a form's values in the drafts table as they are typed (debounced) and restores them when the form opens
 * again. Returns whether a draft was restored, and a function to throw it away.
 */
export function useFormDraft<T extends FieldValues>(key: string, form: UseFormReturn<T, unknown, unknown>) {
  const [restored, setRestored] = useState(false);
  const ready = useRef(false);
  /** The pending debounced write, so that clearing the draft also cancels a write still waiting to happen. */
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reset, watch, control } = form;

  useEffect(() => {
    let cancelled = false;
    ready.current = false;
    void loadDraft<T>(key).then((draft) => {
      if (cancelled) return;
      if (draft) {
        reset(draft, { keepDefaultValues: true });
        setRestored(true);
      }
      ready.current = true;
    });
    return () => {
      cancelled = true;
    };
  }, [key, reset]);

  useEffect(() => {
    const sub = watch((values) => {
      if (!ready.current) return;
      clearTimeout(timer.current);
      // Values back to the form's starting ones (typed back, or the form reset after a save) are no draft.
      timer.current = setTimeout(() => void (sameValues(values, control._defaultValues) ? clearDraft(key) : saveDraft(key, values)), 300);
    });
    return () => {
      clearTimeout(timer.current);
      sub.unsubscribe();
    };
  }, [key, watch, control]);

  return {
    restored,
    discard: async () => {
      clearTimeout(timer.current);
      await clearDraft(key);
      setRestored(false);
    },
    clear: () => {
      clearTimeout(timer.current);
      return clearDraft(key);
    },
  };
}

/** Deep equality of form values (strings, numbers, booleans, arrays and plain objects), key order aside. */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValues(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
