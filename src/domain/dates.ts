/** Calendar dates are stored as ISO `YYYY-MM-DD` strings: no time zone can shift a birthday. */
export type IsoDate = string;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `ДД.ММ.ГГГГ` (also `Д.М.ГГГГ`, `/` or `-` separators) → ISO, or null when it is not a real date. */
export function parseRuDate(s: string): IsoDate | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(s);
  if (!m) {
    const iso = s.trim();
    return isValidIsoDate(iso) ? iso : null;
  }
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

export function formatRuDate(iso: IsoDate): string {
  const m = ISO_DATE_RE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Whole years of age on `on` (both ISO dates). A person born on 29 February turns a year older on 1 March. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = ISO_DATE_RE.exec(birthDate);
  const o = ISO_DATE_RE.exec(on);
  if (!b || !o) throw new Error('ageOn: неверная дата');
  let age = Number(o[1]) - Number(b[1]);
  const bm = Number(b[2]);
  const bd = Number(b[3]);
  const om = Number(o[2]);
  const od = Number(o[3]);
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

/** Today as an ISO date in the device's own time zone. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** «2 декабря, 16:05»: when something happened on this device (exchange history, conflicts). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

const longDateFmt = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** «5 ноября 2025 г.» from an ISO date. */
export function longRuDate(iso: string): string {
  return longDateFmt.format(new Date(`${iso}T00:00:00Z`));
}
