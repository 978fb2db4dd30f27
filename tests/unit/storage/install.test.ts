import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { getInstallOfferDismissedAt, INSTALL_OFFER_DISMISSED_KEY, setInstallOfferDismissedAt } from '../../../src/storage/install';

let db: NastavnikDb;
let n = 0;

beforeEach(async () => {
  db = new NastavnikDb(`install-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('install offer dismissal in the meta table', () => {
  it('is never dismissed on a new device', async () => {
    expect(await getInstallOfferDismissedAt(db)).toBeNull();
  });
  it('remembers the last dismissal', async () => {
    await setInstallOfferDismissedAt(1000, db);
    await setInstallOfferDismissedAt(2000, db);
    expect(await getInstallOfferDismissedAt(db)).toBe(2000);
  });
  it('ignores a value that is not a time', async () => {
    await db.meta.put({ key: INSTALL_OFFER_DISMISSED_KEY, value: 'yesterday' });
    expect(await getInstallOfferDismissedAt(db)).toBeNull();
  });
});
