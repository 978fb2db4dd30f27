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
  const { reset, watch } = form;

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
      timer.current = setTimeout(() => void saveDraft(key, values), 300);
    });
    return () => {
      clearTimeout(timer.current);
      sub.unsubscribe();
    };
  }, [key, watch]);

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
