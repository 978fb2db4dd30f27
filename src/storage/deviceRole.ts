import { commonMentor, mentorPhoneName, readDeviceRole, roleAfterImport, type DeviceRole } from '../domain/deviceRole';
import type { BundleScope } from '../domain/bundle/version';
import { getDb, type NastavnikDb } from './db';
import { DEVICE_NAME_KEY, ME_KEY } from './myself';

/** Meta key of the device's role (src/domain/deviceRole.ts): local, never sent. */
export const ROLE_KEY = 'deviceRole';

export async function getDeviceRole(db: NastavnikDb = getDb()): Promise<DeviceRole> {
  return readDeviceRole((await db.meta.get(ROLE_KEY))?.value);
}

export async function setDeviceRole(role: DeviceRole, db: NastavnikDb = getDb()): Promise<void> {
  await db.meta.put({ key: ROLE_KEY, value: role });
}

/** Whether the device held participants or pairs: read before an import writes, inside its transaction. */
export async function heldData(db: NastavnikDb): Promise<boolean> {
  return (await db.people.count()) + (await db.mentorships.count()) > 0;
}

/**
 * After an import (inside its transaction, which holds `meta`): a new device that got a pair file becomes that
 * mentor's phone, and «Я — …» is set to the file's one mentor when the owner has not said who they are.
 */
export async function noteImportForRole(
  db: NastavnikDb,
  file: { scope: BundleScope; deviceId: string; deviceName: string; mentorships: readonly { id: string; mentorIds?: unknown }[] },
  heldDataBefore: boolean,
): Promise<void> {
  const row = await db.meta.get(ROLE_KEY);
  const current = row ? readDeviceRole(row.value) : undefined;
  const next = roleAfterImport(current, file, heldDataBefore);
  if (!next) return;
  await db.meta.put({ key: ROLE_KEY, value: next });
  if (next.kind !== 'mentor') return;
  let me = (await db.meta.get(ME_KEY))?.value;
  if (!me) {
    const wanted = new Set(file.scope.kind === 'mentorships' ? file.scope.mentorshipIds : []);
    const mine = file.mentorships
      .filter((m) => wanted.has(m.id))
      .map((m) => ({ mentorIds: Array.isArray(m.mentorIds) ? m.mentorIds.filter((x): x is string => typeof x === 'string') : [] }));
    me = commonMentor(mine);
    if (me) await db.meta.put({ key: ME_KEY, value: me });
  }
  // An unnamed mentor's phone is named after its owner, so the curator's device shows whose file it is.
  if (typeof me === 'string' && me && !(await db.meta.get(DEVICE_NAME_KEY))?.value) {
    const person = await db.people.get(me);
    if (person && !person.deleted) await db.meta.put({ key: DEVICE_NAME_KEY, value: mentorPhoneName(person) });
  }
}
