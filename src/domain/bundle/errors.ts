import { formatBytes, plural } from '../text';
import { describeField } from './fieldLabels';
import { tableLabel } from '../syncedTables';

/** Where in the file: `['tables', 'people', 2, 'birthDate']`. */
export type JsonPath = readonly (string | number)[];

/** One record that failed validation. `index` counts from 0 within its table (or within the kept versions). */
export interface RecordIssue {
  table: string;
  index: number;
  id: string;
  field: string;
  message: string;
  /** A kept conflict version (the file's `conflicts` list) rather than a record of `table`. */
  kept?: boolean;
}

/** Everything that can be wrong with a file offered for import. Each has its own message: see `bundleErrorMessage`. */
export type BundleError =
  | { kind: 'notJson' }
  | { kind: 'truncated' }
  | { kind: 'tooLarge'; bytes: number; limit: number }
  | { kind: 'tooDeep'; path: JsonPath }
  | { kind: 'forbiddenKeys'; key: string; path: JsonPath }
  | { kind: 'stringTooLong'; path: JsonPath; length: number; limit: number }
  | { kind: 'notABundle'; detail: string; path?: JsonPath }
  | { kind: 'otherApp'; format?: string }
  | { kind: 'versionTooNew'; version: number; supported: number }
  | { kind: 'migrationFailed'; from: number; name: string; message: string }
  | { kind: 'checksumMismatch' }
  | { kind: 'countMismatch'; table: string; expected: number; actual: number }
  | { kind: 'invalidRecords'; issues: RecordIssue[]; total: number }
  | { kind: 'duplicateIds'; duplicates: { table: string; id: string; indexes: number[] }[] }
  | { kind: 'wrongSchool'; bundleSchool: { id: string; name: string }; localSchool: { id: string; name: string } }
  | { kind: 'passphraseRequired' }
  | { kind: 'wrongPassphrase' }
  | { kind: 'invalidAttachment'; fileName: string; reason: string }
  | { kind: 'mergeRefused'; issues: { table: string; id: string; field: string; message: string }[] };

export type BundleErrorKind = BundleError['kind'];

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('ru-RU') + s.slice(1);

/** A field's own message often starts with its label («Дата рождения: неверная дата»); otherwise the label is added. */
function fieldAndMessage(field: string, message: string): string {
  const m = /^(\p{Lu}[^:«»]{0,59}): (.+)$/su.exec(message);
  if (m) return `поле «${m[1]}»: ${m[2]}`;
  const where = describeField(field);
  return where ? `${where}: ${lowerFirst(message)}` : message;
}

/** «Таблица «Участники», запись № 3, поле «Дата рождения»: неверная дата». */
export function recordIssueMessage(i: RecordIssue): string {
  const where = i.kept
    ? `Сохранённое значение конфликта № ${i.index + 1} (таблица «${tableLabel(i.table)}»)`
    : `Таблица «${tableLabel(i.table)}», запись № ${i.index + 1}`;
  return `${where}, ${fieldAndMessage(i.field, i.message)}`;
}

/** A place in the file in words: «таблица «Участники», запись № 3, поле «Заметки»». */
export function describePath(path: JsonPath): string {
  const [section, a, b, ...rest] = path;
  if (section === 'tables' && typeof a === 'string') {
    if (typeof b !== 'number') return `таблица «${tableLabel(a)}»`;
    const field = rest.join('.');
    return `таблица «${tableLabel(a)}», запись № ${b + 1}${field ? `, ${describeField(field)}` : ''}`;
  }
  if (section === 'conflicts' && typeof a === 'number') {
    const field = (b === 'version' ? rest : [b, ...rest]).filter((x) => x !== undefined).join('.');
    return `конфликтующая версия № ${a + 1}${field ? `, ${describeField(field)}` : ''}`;
  }
  if (section === 'header') return `заголовок файла${a !== undefined ? `, поле «${[a, b, ...rest].filter((x) => x !== undefined).join('.')}»` : ''}`;
  return path.length ? `«${path.join('.')}»` : 'файл целиком';
}

const mb = formatBytes;
const SHOWN_ISSUES = 5;

/** The Russian message for an import error: what is wrong, where, and what to do. */
export function bundleErrorMessage(e: BundleError): string {
  switch (e.kind) {
    case 'notJson':
      return 'Это не файл обмена «Наставника»: содержимое не читается. Выберите файл, сохранённый кнопкой «Экспорт».';
    case 'truncated':
      return 'Файл повреждён или передан не полностью. Попросите отправить его ещё раз.';
    case 'tooLarge':
      return `Файл слишком большой: ${mb(e.bytes)} при пределе ${mb(e.limit)}. Такой файл не может быть файлом обмена.`;
    case 'tooDeep':
      return `Файл отклонён: данные вложены слишком глубоко (${describePath(e.path)}).`;
    case 'forbiddenKeys':
      return `Файл отклонён: в нём есть недопустимый ключ «${e.key}» (${describePath(e.path)}). Такие ключи встречаются только в файлах, подделанных для атаки на программу.`;
    case 'stringTooLong':
      return `Файл отклонён: слишком длинный текст — ${e.length.toLocaleString('ru-RU')} символов при пределе ${e.limit.toLocaleString('ru-RU')} (${describePath(e.path)}).`;
    case 'notABundle':
      return `Файл похож на файл обмена «Наставника», но устроен неверно${e.path ? ` (${describePath(e.path)})` : ''}: ${e.detail}.`;
    case 'otherApp':
      return `Это файл другой программы${e.format ? ` (формат «${e.format}»)` : ''}, а не файл обмена «Наставника».`;
    case 'versionTooNew':
      return `Файл создан более новой версией приложения (формат ${e.version}, а это приложение понимает формат до ${e.supported}). Обновите приложение и откройте файл снова.`;
    case 'migrationFailed':
      return `Не удалось перевести файл старого формата ${e.from} в нынешний (шаг «${e.name}»): ${e.message}. Данные не изменены.`;
    case 'checksumMismatch':
      return 'Файл повреждён: контрольная сумма не совпадает, содержимое изменилось после сохранения. Попросите отправить файл ещё раз.';
    case 'countMismatch':
      return `Файл неполный: в таблице «${tableLabel(e.table)}» ${plural(e.actual, { one: 'запись', few: 'записи', many: 'записей' })}, а в заголовке указано ${e.expected}.`;
    case 'invalidRecords': {
      const shown = e.issues.slice(0, SHOWN_ISSUES).map(recordIssueMessage);
      const more = e.total - shown.length;
      return [
        `В файле ${plural(e.total, { one: 'ошибка', few: 'ошибки', many: 'ошибок' })} в записях, ничего не импортировано.`,
        ...shown,
        ...(more > 0 ? [`…и ещё ${more}.`] : []),
      ].join('\n');
    }
    case 'duplicateIds':
      return [
        'В файле одна и та же запись встречается несколько раз, ничего не импортировано.',
        ...e.duplicates
          .slice(0, SHOWN_ISSUES)
          .map((d) => `Таблица «${tableLabel(d.table)}»: записи № ${d.indexes.map((i) => i + 1).join(', № ')} с одним идентификатором.`),
      ].join('\n');
    case 'wrongSchool':
      return `Файл относится к другой школе: «${e.bundleSchool.name}», а на этом устройстве — «${e.localSchool.name}». Обмениваться можно только данными одной школы.`;
    case 'passphraseRequired':
      return 'Файл зашифрован. Введите парольную фразу, которую задали при экспорте.';
    case 'wrongPassphrase':
      return 'Неверная парольная фраза (или файл повреждён). Проверьте раскладку и регистр букв и попробуйте ещё раз.';
    case 'invalidAttachment':
      return `Файл материала «${e.fileName.slice(0, 120)}» в архиве: ${e.reason}. Ничего не импортировано: попросите отправить файл обмена ещё раз.`;
    case 'mergeRefused':
      return [
        'Файл не загружен: вместе с данными этого устройства некоторые записи нарушили бы правила (такое бывает с файлом, изменённым вручную или повреждённым). Данные не изменены.',
        ...e.issues.slice(0, SHOWN_ISSUES).map((i) => `Таблица «${tableLabel(i.table)}», запись ${i.id.slice(0, 8)}, ${fieldAndMessage(i.field, i.message)}`),
      ].join('\n');
    default: {
      const never: never = e;
      return String(never);
    }
  }
}
