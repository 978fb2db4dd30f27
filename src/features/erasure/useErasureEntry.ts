import { useLocation } from 'react-router';
import { isErasureActInput, type ErasureActInput } from '../../domain/erasureAct';

/**
 * The erasure log entry the act is made from. For now it comes with the navigation (`navigate('/erasures/<id>/act',
 * { state: { entry } })` right after «Уничтожить персональные данные»); the local erasure log (src/storage/erasure.ts)
 * is to be read here by id once it exists, so that an act can be printed again within the three years.
 */
export function useErasureEntry(id: string): ErasureActInput | null {
  const state: unknown = useLocation().state;
  const entry = state && typeof state === 'object' ? (state as { entry?: unknown }).entry : undefined;
  return isErasureActInput(entry) && entry.id === id ? entry : null;
}
