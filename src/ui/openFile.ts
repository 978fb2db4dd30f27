import { materialFile } from '../storage/yearWork';
import { saveFile } from './share';

/** Opens a kept file in a new tab (the browser's own viewer for PDF and images); downloads what it cannot show. */
export async function openKeptFile(id: string, fileName: string): Promise<boolean> {
  const blob = await materialFile(id);
  if (!blob) return false;
  const url = URL.createObjectURL(blob);
  const w = window.open(url, '_blank', 'noopener');
  if (!w) await saveFile(blob, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
