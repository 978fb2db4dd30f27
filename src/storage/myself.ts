import { getDb, type NastavnikDb } from './db';

/**
 * Who uses this device («Я — …»): a person's id, so that a mentor sees «Мои пары и группы» first. It is a fact
 * about the device, not about the school, so it lives in the local `meta` table and never travels in a bundle.
 */
export const ME_KEY = 'me';

/** Meta key of this device's human name («Телефон куратора»), shown to whoever imports its bundles. */
export const DEVICE_NAME_KEY = 'deviceName';

export async function getMe(db: NastavnikDb = getDb()): Promise<string | null> {
  const row = await db.meta.get(ME_KEY);
  return typeof row?.value === 'string' && row.value ? row.value : null;
}

/** Sets (a person's id) or forgets (null) who uses this device. */
export async function setMe(personId: string | null, db: NastavnikDb = getDb()): Promise<void> {
  if (personId) await db.meta.put({ key: ME_KEY, value: personId });
  else await db.meta.delete(ME_KEY);
}
