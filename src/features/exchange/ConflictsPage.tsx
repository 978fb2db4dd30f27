import { useState } from 'react';
import { DELETED_FIELD, pickFields } from '../../domain/conflictResolution';
import { tableLabel } from '../../domain/syncedTables';
import { fullName } from '../../domain/person';
import { FIELD_GROUPS, problemsByField, RecordRejected } from '../../domain/recordRules';
import { fieldsProblems } from '../../domain/recordRules.schema';
import { decodeWrite, writeWall } from '../../domain/writeStamp';
import type { ConflictGroup } from '../../storage/bundle/conflicts';
import { resolveConflictHere } from '../../storage/onThisDevice';
import { EmptyState, Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { fieldLabel, formatValue } from './fieldLabels';
import { formatDateTime } from '../../domain/dates';
import { useDeviceId } from '../../data/hooks';
import { useConflicts, useDeviceNames } from '../../data/exchange';
import { usePersonNames } from '../../data/people';
import { failureReason } from '../../ui/unexpectedErrors';

/** What the record is called: a person's name, a pair's title or its people, a record's own title. */
function recordTitle(g: ConflictGroup, names?: ReadonlyMap<string, string>): string {
  const r = g.state.record as Record<string, unknown>;
  if (g.table === 'people' && typeof r.lastName === 'string') return fullName(r as { lastName: string; firstName: string; middleName: string });
  const name = [r.title, r.name, r.topic, r.text].find((x) => typeof x === 'string' && x);
  if (typeof name === 'string') return name;
  if (g.table === 'mentorships' && Array.isArray(r.mentorIds) && Array.isArray(r.menteeIds))
    return [...r.mentorIds, ...r.menteeIds].map((id) => names?.get(String(id)) ?? '…').join(', ');
  return `${tableLabel(g.table)} (${g.recordId.slice(0, 8)})`;
}

/** Fields the table's rules tie together stay side by side, in the group's order (a status before its reason). */
function fieldOrder(table: ConflictGroup['table']): (field: string) => number {
  const order = [DELETED_FIELD, ...FIELD_GROUPS[table].flat()];
  return (f) => (order.includes(f) ? order.indexOf(f) : order.length);
}

/**
 * «Конфликты»: records whose same field was written with different values on two devices between exchanges. Only
 * those fields are shown, each with every value, who wrote it and when; the curator picks one per field.
 */
export function ConflictsPage() {
  const groups = useConflicts();
  const me = useDeviceId();
  const devices = useDeviceNames();
  const names = usePersonNames();

  return (
    <Page title="Конфликты" backTo="/exchange">
      {groups === undefined ? null : groups.length === 0 ? (
        <EmptyState title="Конфликтов нет">
          <p>
            Конфликт появляется, когда одно и то же поле записи изменили на двух устройствах по-разному между обменами. Правки разных полей
            соединяются сами.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            Одно и то же поле изменено на двух устройствах по-разному. Сейчас действует значение, записанное позже; другое сохранено.
            Выберите значение каждого поля и сохраните — выбор уйдёт на другие устройства со следующим обменом.
          </p>
          {groups.map((g) => (
            <ConflictCard key={`${g.table}|${g.recordId}`} group={g} me={me} devices={devices} names={names} />
          ))}
        </>
      )}
    </Page>
  );
}

function ConflictCard({
  group,
  me,
  devices,
  names,
}: {
  group: ConflictGroup;
  me?: string;
  devices?: Map<string, string>;
  names?: Map<string, string>;
}) {
  const show = useToasts((s) => s.show);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const title = recordTitle(group, names);
  const rank = fieldOrder(group.table);
  const fields = [...group.fields].sort((a, b) => rank(a.field) - rank(b.field));
  const chosen = pickFields(group.state, picks);
  const errors = chosen.deleted ? {} : problemsByField(fieldsProblems(group.table, chosen.fields));
  const conflicted = new Set(group.fields.map((f) => f.field));
  const otherErrors = Object.entries(errors).filter(([f]) => !conflicted.has(f.split('.')[0]!));

  const who = (write: string) => {
    const device = decodeWrite(write).device;
    const name = device === me ? 'это устройство' : devices?.get(device) ? `«${devices.get(device)}»` : 'другое устройство';
    return `${name}, ${formatDateTime(new Date(writeWall(write)).toISOString())}`;
  };

  const save = async () => {
    setProblem(null);
    if (Object.keys(errors).length) {
      setProblem('Такое сочетание значений не сохранить: исправьте выбор в отмеченных полях.');
      return;
    }
    try {
      await resolveConflictHere(group.table, group.recordId, chosen.fields, { deleted: chosen.deleted });
      show(`Конфликт «${title}» разрешён`);
    } catch (e) {
      setProblem(e instanceof RecordRejected ? e.message : `Не сохранено: ${failureReason(e)}`);
    }
  };

  return (
    <section className="card-section conflict" aria-label={title} data-table={group.table}>
      <h2>{title}</h2>
      <p className="muted">
        {tableLabel(group.table)} · найден {formatDateTime(group.detectedAt)}
      </p>
      {conflicted.has(DELETED_FIELD) && (
        <p className="notice notice-warn">На одном устройстве запись удалили, на другом — изменили. Решите, оставить ли её.</p>
      )}
      {fields.map((f) => {
        const error = Object.entries(errors).find(([k]) => k.split('.')[0] === f.field)?.[1];
        const errorId = `${group.table}-${group.recordId}-${f.field}-error`;
        return (
          <fieldset key={f.field} className="field conflict-field" aria-describedby={error ? errorId : undefined}>
            <legend>{fieldLabel(f.field)}</legend>
            <div className="radio-list">
              {f.options.map((o) => {
                const selected = (picks[f.field] ?? f.options[0]!.write) === o.write;
                return (
                  <label key={o.write} className="checkbox">
                    <input
                      type="radio"
                      name={`${group.table}-${group.recordId}-${f.field}`}
                      checked={selected}
                      onChange={() => setPicks({ ...picks, [f.field]: o.write })}
                    />{' '}
                    <span>
                      <strong>{o.has ? formatValue(group.table, f.field, o.value, names) : '(поле очищено)'}</strong>
                      <br />
                      <span className="muted">
                        {o.current ? 'Действует сейчас' : 'Другое значение'} ({who(o.write)})
                      </span>
                    </span>
                  </label>
                );
              })}
            </div>
            {error && (
              <p className="field-error" id={errorId}>
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      {otherErrors.map(([f, m]) => (
        <p key={f} className="field-error">
          {fieldLabel(f)}: {m}
        </p>
      ))}
      {problem && (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void save()}>
          Сохранить выбор
        </button>
      </div>
    </section>
  );
}
