import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DELETED_FIELD, pickFields } from '../../domain/conflictResolution';
import { tableLabel } from '../../domain/bundle/tables';
import { decodeHlc } from '../../domain/hlc';
import type { VersionedRecord } from '../../domain/merge';
import { fullName } from '../../domain/person';
import { getDb } from '../../storage/db';
import { listConflicts, resolveConflict, type ConflictGroup } from '../../storage/bundle/conflicts';
import { listExchanges } from '../../storage/bundle/exchanges';
import { EmptyState, Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { fieldLabel, formatValue } from './fieldLabels';
import { formatDateTime } from './sharingStore';

function recordTitle(g: ConflictGroup): string {
  const r = (g.current ?? g.kept[0]?.version) as Record<string, unknown> | undefined;
  if (!r) return g.recordId;
  if (g.table === 'people' && typeof r.lastName === 'string') return fullName(r as { lastName: string; firstName: string; middleName: string });
  const name = [r.title, r.name, r.text].find((x) => typeof x === 'string' && x);
  return `${tableLabel(g.table)}: ${typeof name === 'string' ? name : g.recordId}`;
}

/** «Конфликты»: each record changed on two devices, its versions side by side, a choice per differing field. */
export function ConflictsPage() {
  const db = getDb();
  const groups = useLiveQuery(() => listConflicts(db), []);
  const me = useLiveQuery(() => db.meta.get('deviceId').then((r) => (typeof r?.value === 'string' ? r.value : '')), []);
  const devices = useLiveQuery(async () => new Map((await listExchanges(db)).filter((e) => e.device.name).map((e) => [e.device.id, e.device.name])), []);

  return (
    <Page title="Конфликты" backTo="/exchange">
      {groups === undefined ? null : groups.length === 0 ? (
        <EmptyState title="Конфликтов нет">
          <p>Конфликт появляется, когда одну запись изменили на двух устройствах между обменами. Тогда обе версии сохраняются здесь.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            Одна и та же запись изменена на двух устройствах. Сейчас действует версия, выбранная автоматически; другие сохранены. Выберите
            значение каждого поля и сохраните — выбор уйдёт на другие устройства со следующим обменом.
          </p>
          {groups.map((g) => (
            <ConflictCard key={`${g.table}|${g.recordId}`} group={g} me={me} devices={devices} />
          ))}
        </>
      )}
    </Page>
  );
}

function ConflictCard({ group, me, devices }: { group: ConflictGroup; me?: string; devices?: Map<string, string> }) {
  const show = useToasts((s) => s.show);
  const versions = [...(group.current ? [group.current] : []), ...group.kept.map((k) => k.version)] as VersionedRecord[];
  const [picks, setPicks] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const title = recordTitle(group);

  const versionLabel = (v: VersionedRecord, i: number) => {
    const device = decodeHlc(v.hlc).deviceId;
    const who = device === me ? 'это устройство' : devices?.get(device) ? `«${devices.get(device)}»` : 'другое устройство';
    return `${i === 0 ? 'Действует сейчас' : `Версия ${i + 1}`} (${who}, ${formatDateTime(v.updatedAt)})`;
  };

  const save = async () => {
    setProblem(null);
    try {
      const { fields, deleted } = pickFields(versions, picks);
      await resolveConflict(getDb(), group.kept[0]!.id, fields, { deleted });
      show(`Конфликт «${title}» разрешён`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="card-section conflict" aria-label={title} data-table={group.table}>
      <h2>{title}</h2>
      <p className="muted">
        {tableLabel(group.table)} · найден {formatDateTime(group.detectedAt)}
      </p>
      {group.fields.includes(DELETED_FIELD) && (
        <p className="notice notice-warn">На одном устройстве запись удалили, на другом — изменили. Решите, оставить ли её.</p>
      )}
      {group.fields.length === 0 && <p>Версии совпадают по содержанию: достаточно подтвердить.</p>}
      {group.fields.map((f) => (
        <fieldset key={f} className="field conflict-field">
          <legend>{fieldLabel(f)}</legend>
          <div className="radio-list">
            {versions.map((v, i) => (
              <label key={v.hlc} className="checkbox">
                <input
                  type="radio"
                  name={`${group.table}-${group.recordId}-${f}`}
                  checked={(picks[f] ?? 0) === i}
                  onChange={() => setPicks({ ...picks, [f]: i })}
                />{' '}
                <span>
                  <strong>{formatValue(f, f === DELETED_FIELD ? v.deleted : (v as Record<string, unknown>)[f])}</strong>
                  <br />
                  <span className="muted">{versionLabel(v, i)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {problem && (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      )}
      <button type="button" className="button button-primary" onClick={() => void save()}>
        Сохранить выбор
      </button>
    </section>
  );
}
