import { useLocation } from 'react-router';
import { isErasureActInput, type ErasureActInput } from '../../domain/erasureAct';
import { useErasureLogEntry } from '../../data/erasure';

/**
 * The erasure log entry the act is made from: read from this device's log of erasures by id (so that the act can be
 * printed again for the three years the log keeps it); right after «Уничтожить персональные данные» the entry also
 * comes with the navigation (`state: { entry }`) and shows at once. `undefined` while the log is being read, `null`
 * when there is no such entry.
 */
export function useErasureEntry(id: string): ErasureActInput | null | undefined {
  const state: unknown = useLocation().state;
  const passed = state && typeof state === 'object' ? (state as { entry?: unknown }).entry : undefined;
  const stored = useErasureLogEntry(id);
  if (stored) return stored;
  if (isErasureActInput(passed) && passed.id === id) return passed;
  return stored;
}
