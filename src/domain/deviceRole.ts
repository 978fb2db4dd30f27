import type { BundleScope } from './bundle/version';
import { shortName } from './person';

/**
 * What this device is: the curator's (the full app) or a mentor's phone, which holds the pairs/groups the curator
 * sent it (its own work, sent back to the curator) and remembers the device that sent them, so that «Отправить
 * куратору» makes a file of what that device has not seen.
 */
export type DeviceRole =
  | { kind: 'curator' }
  | { kind: 'mentor'; mentorshipIds: string[]; curatorDeviceId?: string; curatorDeviceName?: string };

export const CURATOR_ROLE: DeviceRole = { kind: 'curator' };

/** A stored role, or the curator's when none is stored or it cannot be read (the full app is the safe default). */
export function readDeviceRole(raw: unknown): DeviceRole {
  // Checked by hand, not with zod: the role is read on every start, and zod stays off the first screen (issue 14).
  if (typeof raw !== 'object' || raw === null) return CURATOR_ROLE;
  const r = raw as Record<string, unknown>;
  if (r.kind !== 'mentor') return CURATOR_ROLE;
  const ids = r.mentorshipIds;
  if (!Array.isArray(ids) || ids.length > 10_000 || !ids.every((id) => typeof id === 'string' && id.length > 0)) return CURATOR_ROLE;
  const { curatorDeviceId: from, curatorDeviceName: name } = r;
  if (from !== undefined && (typeof from !== 'string' || from.length === 0)) return CURATOR_ROLE;
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) return CURATOR_ROLE;
  return {
    kind: 'mentor',
    mentorshipIds: [...(ids as string[])],
    ...(from !== undefined ? { curatorDeviceId: from } : {}),
    ...(name !== undefined ? { curatorDeviceName: name } : {}),
  };
}

/**
 * The role after importing a file. Only a device that held no participants and no pairs before becomes a mentor's
 * phone, by a pair file; a mentor's phone adds the pairs of later pair files from the same curator's device (files
 * from a colleague's phone do not make the colleague's pairs its own). `undefined`: leave the role as it is.
 */
export function roleAfterImport(
  current: DeviceRole | undefined,
  file: { scope: BundleScope; deviceId: string; deviceName: string },
  heldDataBefore: boolean,
): DeviceRole | undefined {
  if (file.scope.kind !== 'mentorships') return undefined;
  if (!current) {
    if (heldDataBefore) return undefined;
    return { kind: 'mentor', mentorshipIds: [...new Set(file.scope.mentorshipIds)], curatorDeviceId: file.deviceId, curatorDeviceName: file.deviceName };
  }
  if (current.kind !== 'mentor') return undefined;
  if (current.curatorDeviceId && current.curatorDeviceId !== file.deviceId) return undefined;
  const ids = [...new Set([...current.mentorshipIds, ...file.scope.mentorshipIds])];
  return {
    ...current,
    mentorshipIds: ids,
    curatorDeviceId: current.curatorDeviceId ?? file.deviceId,
    curatorDeviceName: file.deviceName || current.curatorDeviceName,
  };
}

/** The one person who mentors every one of these pairs/groups: the phone's owner, if the file says so unambiguously. */
export function commonMentor(mentorships: readonly { mentorIds: readonly string[] }[]): string | null {
  if (mentorships.length === 0) return null;
  let common = new Set(mentorships[0]!.mentorIds);
  for (const m of mentorships.slice(1)) common = new Set(m.mentorIds.filter((x) => common.has(x)));
  return common.size === 1 ? [...common][0]! : null;
}

type PairLike = { id: string; mentorIds: readonly string[]; status: string; deleted?: boolean };

/**
 * The mentor's own pairs and groups on this phone: those the curator sent here and those the owner mentors; not a
 * colleague's pair that reached this phone in a colleague's file. Deleted ones are left out.
 */
export function ownMentorshipIds(role: DeviceRole, mentorships: readonly PairLike[], me: string | null): string[] {
  if (role.kind !== 'mentor') return [];
  const sent = new Set(role.mentorshipIds);
  return mentorships.filter((m) => !m.deleted && (sent.has(m.id) || (me !== null && m.mentorIds.includes(me)))).map((m) => m.id);
}

/**
 * The name a mentor's phone takes when its owner has not named it: «Телефон наставника: Петров И. С.» — what the
 * curator then reads in the exchange history and the QR «Кому» list instead of «без названия». No more than 60
 * characters (the device name's limit).
 */
export function mentorPhoneName(mentor: { lastName: string; firstName: string; middleName: string }): string {
  return `Телефон наставника: ${shortName(mentor).trim()}`.slice(0, 60);
}
