import type { Bundle } from './bundle/format';
import { MAX_DRIFT_MS } from './hlc';
import { plural } from './text';
import { decodeWrite, writeWall } from './writeStamp';

/**
 * Phones' clocks are wrong more often than one would think (a reset battery brings 2020 back; a manual setting a
 * year ahead). The rule, documented in docs/BUNDLE_FORMAT.md (section 4):
 *
 * - Who saw whose write decides first: a write made on top of another replaces it, whatever their clocks say. So a
 *   phone a year ahead cannot make its edits win forever (the next edit by anyone who has seen them replaces them),
 *   and a phone in 2020 does not lose forever (once it has imported, its clock moves past what it saw).
 * - Clocks only order writes that did not see each other, and the losing value is kept for review, never dropped.
 * - A device follows a remote clock only up to `MAX_AHEAD_MS` ahead of its own (`receiveHlc`), so one wrong phone
 *   does not drag every other device's stamps into the future.
 * - An import names the device whose clock looks wrong (`clockWarnings`), so someone can set it right.
 */
export const MAX_AHEAD_MS = MAX_DRIFT_MS;

export interface ClockWarning {
  kind: 'ahead' | 'behind';
  deviceId: string;
  /** The exporting device's name when the warning is about it. */
  deviceName?: string;
  /** How far off, in whole days (at least 1). */
  days: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Devices whose clocks look wrong, from a bundle and the receiving device's clock:
 * - *ahead*: a device wrote stamps (or the exporter dated the file) more than a day ahead of the receiving clock;
 * - *behind*: the exporter dated its file more than a day before stamps it had itself already seen (its clock is
 *   behind the writes it holds), unless those stamps are themselves from the future.
 */
export function clockWarnings(bundle: Pick<Bundle, 'header' | 'tables' | 'conflicts'>, now: number): ClockWarning[] {
  const latestByDevice = new Map<string, number>();
  const see = (w: string) => {
    const d = decodeWrite(w).device;
    const wall = writeWall(w);
    if (wall > (latestByDevice.get(d) ?? -Infinity)) latestByDevice.set(d, wall);
  };
  for (const list of Object.values(bundle.tables)) for (const r of list ?? []) for (const w of r.writes ?? []) see(w);
  for (const c of bundle.conflicts) see(c.write);

  const exporter = bundle.header.device;
  const created = Date.parse(bundle.header.createdAt);
  const out: ClockWarning[] = [];
  const days = (ms: number) => Math.max(1, Math.round(ms / DAY));
  const exporterAhead = Math.max(Number.isFinite(created) ? created : -Infinity, latestByDevice.get(exporter.id) ?? -Infinity) - now;
  if (exporterAhead > MAX_AHEAD_MS) out.push({ kind: 'ahead', deviceId: exporter.id, deviceName: exporter.name, days: days(exporterAhead) });
  for (const [device, wall] of latestByDevice)
    if (device !== exporter.id && wall - now > MAX_AHEAD_MS) out.push({ kind: 'ahead', deviceId: device, days: days(wall - now) });
  if (Number.isFinite(created) && exporterAhead <= MAX_AHEAD_MS) {
    let seen = -Infinity;
    for (const wall of latestByDevice.values()) if (wall - now <= MAX_AHEAD_MS && wall > seen) seen = wall;
    if (seen - created > MAX_AHEAD_MS) out.push({ kind: 'behind', deviceId: exporter.id, deviceName: exporter.name, days: days(seen - created) });
  }
  return out;
}

/** «Часы устройства «Телефон Ивановой» спешат примерно на 3 дня» — for the import preview. */
export function clockWarningText(w: ClockWarning, name: string): string {
  const days = plural(w.days, { one: 'день', few: 'дня', many: 'дней' });
  const how = w.kind === 'ahead' ? 'спешат' : 'отстают';
  const other = w.kind === 'ahead' ? ' (или отстают часы этого устройства)' : '';
  return `Часы устройства ${name} ${how} примерно на ${days}${other}. Проверьте дату и время. Изменения приняты: кто чью правку видел, решает порядок обмена, а не часы; если одно поле изменено по-разному, сохраняются оба значения.`;
}
