import { getDb } from './db';

/** Drafts of open forms, stored as typed: a closed tab or an app update never loses what was entered. */
export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const row = await getDb().drafts.get(key);
  return row?.value as T | undefined;
}

export async function saveDraft(key: string, value: unknown): Promise<void> {
  await getDb().drafts.put({ key, value, savedAt: new Date().toISOString() });
}

export async function clearDraft(key: string): Promise<void> {
  await getDb().drafts.delete(key);
}
