import { DELETED_FIELD } from '../../domain/conflictResolution';
import { FIELD_LABELS } from '../../domain/bundle/fieldLabels';

/** The field's Russian name on the conflict screen (the same names the import's error messages use). */
export function fieldLabel(field: string): string {
  if (field === DELETED_FIELD) return 'Удалена ли запись';
  return FIELD_LABELS[field] ?? field;
}

/** A value as the compare screen shows it: short, readable, never «[object Object]». */
export function formatValue(field: string, v: unknown): string {
  if (field === DELETED_FIELD) return v ? 'удалена' : 'есть';
  if (v === undefined || v === null || v === '') return '(пусто)';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '(пусто)';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
