import type { NastavnikDb, SetAsideRow } from './db';

/** Records the database upgrade took out of their tables because they break their rules (see `SetAsideRow`). */
export async function listSetAside(db: NastavnikDb): Promise<SetAsideRow[]> {
  return (await db.setAside.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

/** The curator has read (or saved) it: it goes from this device. Its record lives on where other devices hold it. */
export async function dropSetAside(db: NastavnikDb, id: string): Promise<void> {
  await db.setAside.delete(id);
}
