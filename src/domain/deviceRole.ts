/**
 * Whose phone this is. A curator's device holds the whole school; a mentor's holds only the pairs and groups the
 * curator sent it, so its home is the mentor's day (not school-wide indicators computed from a fragment), school
 * settings are not edited there by accident, and it sends its own pairs back, never «вся школа».
 *
 * The role is a fact about the device, kept in its local `meta` and never sent. It is set by the first file a new
 * device imports (a pair file makes it a mentor's phone) or by its owner in «Настройки».
 */
import { z } from 'zod';
import type { BundleScope } from './bundle/schema';
import { shortName } from './person';

export const deviceRoleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('curator') }),
  z.object({
    kind: z.literal('mentor'),
    /** The pairs/groups the curator sent to this phone (its own work, sent back to the curator). */
    mentorshipIds: z.array(z.string().min(1)).max(10_000),
    /** The device that sent them: «Отправить куратору» makes a file of what it has not seen. */
    curatorDeviceId: z.string().min(1).optional(),
    curatorDeviceName: z.string().max(200).optional(),
  }),
]);
export type DeviceRole = z.output<typeof deviceRoleSchema>;

export const CURATOR_ROLE: DeviceRole = { kind: 'curator' };

/** A stored role, or the curator's when none is stored or it cannot be read (the full app is the safe default). */
export function readDeviceRole(raw: unknown): DeviceRole {
  const r = deviceRoleSchema.safeParse(raw);
  return r.success ? r.data : CURATOR_ROLE;
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
