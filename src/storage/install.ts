import { getDb, type NastavnikDb } from './db';

/**
 * When the home page's «Установить на телефон» offer was dismissed (ms since the epoch). A fact about this
 * device, like «Я — …» (src/storage/myself.ts): it lives in the local `meta` table and never travels in a bundle.
 */
export const INSTALL_OFFER_DISMISSED_KEY = 'installOfferDismissedAt';

export async function getInstallOfferDismissedAt(db: NastavnikDb = getDb()): Promise<number | null> {
  const row = await db.meta.get(INSTALL_OFFER_DISMISSED_KEY);
  return typeof row?.value === 'number' && Number.isFinite(row.value) ? row.value : null;
}

export async function setInstallOfferDismissedAt(at: number, db: NastavnikDb = getDb()): Promise<void> {
  await db.meta.put({ key: INSTALL_OFFER_DISMISSED_KEY, value: at });
}
