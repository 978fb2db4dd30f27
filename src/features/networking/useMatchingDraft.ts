import { useCallback, useEffect, useState } from 'react';
import { restoreMatchingDraft, type MatchingDraft } from '../../domain/networking';
import { clearDraft, loadDraft, saveDraft } from '../../storage/drafts';

/**
 * The curator's decisions on the suggestions of one networking event, saved on every change as a local draft, so
 * that a closed app or an update loses none of them. `undefined` until the draft is read (and checked against the
 * people still there).
 */
export function useMatchingDraft(eventId: string, livePeople: readonly { id: string }[] | undefined) {
  const key = `matching:${eventId}`;
  const [draft, setDraft] = useState<MatchingDraft | undefined>(undefined);
  const ready = livePeople !== undefined;

  useEffect(() => {
    if (!ready || draft) return;
    let cancelled = false;
    void loadDraft<unknown>(key).then((raw) => {
      if (!cancelled) setDraft(restoreMatchingDraft(raw, new Set(livePeople.map((p) => p.id))));
    });
    return () => {
      cancelled = true;
    };
  }, [key, ready, draft, livePeople]);

  const update = useCallback(
    (next: MatchingDraft) => {
      setDraft(next);
      void saveDraft(key, next);
    },
    [key],
  );
  const finish = useCallback(async () => {
    await clearDraft(key);
    setDraft(undefined);
  }, [key]);
  return { draft, update, finish };
}
