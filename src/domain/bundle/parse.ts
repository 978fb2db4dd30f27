import type { VersionedRecord } from '../envelope';
import type { BundleError } from './errors';
import { bundleChecksum, type BundleHeader, type SyncedTables, type KeptValueEntry, type ParsedBundle } from './format';
import { BUNDLE_MIGRATIONS, migrateBundle, type BundleMigration } from './migrations';
import { err, ok, type Result } from './result';
import { decodeText, isPlainObject, parseJsonSafely } from './safeJson';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, headerSchema } from './schema';
import { SYNCED_TABLES, isSyncedTable, type SyncedTable } from '../syncedTables';
import { validateTables } from './validateRecords';

export interface ParseOptions {
  /** For tests of the migration machinery; the app uses the registry. */
  migrations?: readonly BundleMigration[];
}

/**
 * The single gate every imported file passes (the codec has already decrypted and decompressed it). Returns the
 * checked bundle, upgraded to the current format, or the first reason it is refused. It never throws for bad input,
 * and never changes a record: what was written on one device arrives the same on the other.
 *
 * Order matters: cheap refusals first (size, JSON, forbidden keys), then "is it ours and can we read this version",
 * then the checksum over the body exactly as written, then the migrations, then every record.
 */
export function parseBundle(input: string | Uint8Array | ArrayBuffer, opts: ParseOptions = {}): Promise<Result<ParsedBundle, BundleError>> {
  let json: Result<unknown, BundleError>;
  try {
    json = readJson(input);
  } catch (e) {
    return Promise.resolve(internalError(e));
  }
  // Not an async function, so that once the text is parsed nothing here holds it or the file's bytes: the checksum
  // and the checks that follow need that memory (a 200,000-record file: 98 MB of bytes, 184 MB of text).
  return check(json, opts).catch((e: unknown) => internalError(e));
}

// A bug of ours must not look like a crash to the user, nor let anything half-checked through.
function internalError(e: unknown): Result<never, BundleError> {
  return err({ kind: 'notABundle', detail: `внутренняя ошибка проверки (${e instanceof Error ? e.message : String(e)})` });
}

function readJson(input: string | Uint8Array | ArrayBuffer): Result<unknown, BundleError> {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeText(input instanceof Uint8Array ? input : new Uint8Array(input));
    if (!decoded.ok) return decoded;
    text = decoded.value;
  }
  return parseJsonSafely(text);
}

async function check(json: Result<unknown, BundleError>, opts: ParseOptions): Promise<Result<ParsedBundle, BundleError>> {
  if (!json.ok) return json;
  const root = json.value;
  if (!isPlainObject(root)) return err({ kind: 'notABundle', detail: 'в файле нет заголовка и таблиц' });
  const rawHeader = root.header;
  if (!isPlainObject(rawHeader) || rawHeader.format !== BUNDLE_FORMAT) {
    const format = isPlainObject(rawHeader) && typeof rawHeader.format === 'string' ? rawHeader.format.slice(0, 60) : undefined;
    return err({ kind: 'otherApp', format });
  }
  const version = rawHeader.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err({ kind: 'notABundle', detail: 'не указана версия формата', path: ['header', 'formatVersion'] });
  if (version > BUNDLE_FORMAT_VERSION) return err({ kind: 'versionTooNew', version, supported: BUNDLE_FORMAT_VERSION });
  if (!isPlainObject(root.tables)) return err({ kind: 'notABundle', detail: 'нет раздела с таблицами', path: ['tables'] });
  if (!Array.isArray(root.conflicts)) return err({ kind: 'notABundle', detail: 'нет раздела с конфликтующими версиями', path: ['conflicts'] });
  if (typeof rawHeader.checksum !== 'string') return err({ kind: 'notABundle', detail: 'нет контрольной суммы', path: ['header', 'checksum'] });
  if ((await bundleChecksum(root.tables, root.conflicts)) !== rawHeader.checksum) return err({ kind: 'checksumMismatch' });

  if (rawHeader.conflictCount !== root.conflicts.length)
    return err({
      kind: 'notABundle',
      detail: `указано конфликтующих значений: ${String(rawHeader.conflictCount)}, в файле: ${root.conflicts.length}`,
      path: ['conflicts'],
    });

  const migrated = migrateBundle(root, version, opts.migrations ?? BUNDLE_MIGRATIONS);
  if (!migrated.ok) return migrated;
  const file = migrated.value.file;

  const header = headerSchema.safeParse(file.header);
  if (!header.success) {
    const issue = header.error.issues[0]!;
    return err({ kind: 'notABundle', detail: issue.message, path: ['header', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] });
  }
  const rawTables = file.tables as Record<string, unknown>;
  const conflicts = file.conflicts as unknown[];

  const tables: Partial<Record<SyncedTable, unknown[]>> = {};
  const ignoredTables: string[] = [];
  for (const [name, list] of Object.entries(rawTables)) {
    if (!isSyncedTable(name)) {
      ignoredTables.push(name);
      continue;
    }
    if (!Array.isArray(list)) return err({ kind: 'notABundle', detail: 'таблица должна быть списком записей', path: ['tables', name] });
    tables[name] = list;
  }
  for (const t of SYNCED_TABLES) {
    const expected = header.data.counts[t] ?? 0;
    const actual = tables[t]?.length ?? 0;
    if (expected !== actual) return err({ kind: 'countMismatch', table: t, expected, actual });
  }

  const checked = validateTables(tables, conflicts, header.data.school.id);
  if (checked.total > 0) return err({ kind: 'invalidRecords', issues: checked.issues, total: checked.total });
  if (checked.duplicates.length > 0) return err({ kind: 'duplicateIds', duplicates: checked.duplicates });

  return ok({
    header: header.data as BundleHeader,
    tables: tables as SyncedTables,
    conflicts: conflicts as KeptValueEntry[],
    ignoredTables,
    migrationsApplied: migrated.value.applied,
    attachments: [],
  });
}

/**
 * A bundle of another school must not mix into this device's data. A device without a school yet (a mentor's new
 * phone) accepts the first school it is given.
 */
export function checkSchool(
  header: Pick<BundleHeader, 'school'>,
  local: { id: string; name: string } | undefined,
): Result<void, Extract<BundleError, { kind: 'wrongSchool' }>> {
  if (!local || local.id === header.school.id) return ok(undefined);
  return err({ kind: 'wrongSchool', bundleSchool: { ...header.school }, localSchool: local });
}

/** Records of a parsed bundle as one list per table, for code that does not care about the table layout. */
export function bundleRecords(tables: SyncedTables): [SyncedTable, VersionedRecord[]][] {
  return SYNCED_TABLES.filter((t) => tables[t]).map((t) => [t, tables[t]!]);
}
