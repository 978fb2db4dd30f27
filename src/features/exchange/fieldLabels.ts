import { DELETED_FIELD } from '../../domain/conflictResolution';
import { FIELD_LABELS } from '../../domain/bundle/fieldLabels';
import { ROADMAP_STATUS_LABELS } from '../../domain/roadmap';
import { RECOGNITION_KIND_LABELS } from '../../domain/recognition';
import type { SyncedTable } from '../../domain/syncedTables';
import {
  categoryLabel,
  consentSignerLabel,
  meetingKindLabel,
  mentorshipStatusLabel,
  orderKindLabel,
  partnerKindLabel,
  planItemStatusLabel,
  roleLabel,
} from '../../i18n/ru';

/** The field's Russian name on the conflict screen (the same names the import's error messages use). */
export function fieldLabel(field: string): string {
  if (field === DELETED_FIELD) return 'Удалена ли запись';
  return FIELD_LABELS[field] ?? field;
}

/** Coded values shown by their Russian names, per table and field. */
const VALUE_LABELS: Partial<Record<SyncedTable, Record<string, Readonly<Record<string, string>>>>> = {
  people: { category: categoryLabel, roles: roleLabel },
  partners: { kind: partnerKindLabel },
  mentorships: { status: mentorshipStatusLabel },
  meetings: { kind: meetingKindLabel },
  planItems: { status: planItemStatusLabel },
  consents: { signer: consentSignerLabel },
  orders: { kind: orderKindLabel },
  roadmapTasks: { status: ROADMAP_STATUS_LABELS },
  recognitions: { kind: RECOGNITION_KIND_LABELS },
};

/**
 * A value as the compare screen shows it: short, readable, in Russian, never «[object Object]» nor a code word.
 * Ids of people are shown by their names when `names` knows them.
 */
export function formatValue(table: SyncedTable, field: string, v: unknown, names?: ReadonlyMap<string, string>): string {
  if (field === DELETED_FIELD) return v ? 'удалена' : 'есть';
  if (v === undefined || v === null || v === '') return '(пусто)';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  const labels = VALUE_LABELS[table]?.[field];
  const one = (x: unknown): string => {
    if (typeof x !== 'string') return JSON.stringify(x);
    return labels?.[x] ?? names?.get(x) ?? x;
  };
  if (Array.isArray(v)) return v.length ? v.map(one).join(', ') : '(пусто)';
  if (typeof v === 'object') return JSON.stringify(v);
  return one(v);
}
