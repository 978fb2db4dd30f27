import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import process from 'node:process';
import writeXlsxFile from 'write-excel-file/node';
import { todayIso } from '../src/domain/dates';
import { toCsv } from '../src/domain/report';
import { buildSummary, DEFAULT_SUMMARY_COLUMNS, FILE_STATUS_LABELS, parseSummaryColumns, readSchoolFile, refusedFile, summarySheets, type FileReading, type SummaryColumn } from '../src/domain/summary';
import { xlsxSheets } from '../src/domain/xlsxSheets';
import { plural } from '../src/domain/text';
import { decodeBundle } from '../src/storage/bundle/codec';

/**
 * The summary from the command line (issue 15): reads the files one by one — each is decoded by the app's own gate,
 * turned into its school's numbers (src/domain/summary.ts) and dropped before the next is read, so memory stays that
 * of one school however many there are — and writes the same XLSX as the screen «Сводка по школам».
 */

const USAGE = `Сводка мониторинга по школам из файлов «Вся школа».

  npm run summary -- <папка или файлы…> --out summary.xlsx [--passphrases фразы.txt] [--columns колонки.json]
                     [--csv summary.csv] [--as-of ГГГГ-ММ-ДД] [--stats]

  папка            читаются все файлы .json, .gz, .zip, .nastavnik, .txt в ней (без вложенных папок)
  --out            куда записать XLSX (по умолчанию summary.xlsx)
  --passphrases    файл с парольными фразами зашифрованных файлов, по строке: «имя файла=фраза»;
                   «*=фраза» — для всех остальных; строки с # — комментарии
  --columns        свой список колонок (JSON), см. README
  --csv            ещё и CSV первого листа
  --as-of          считать показатели всех школ на эту дату (по умолчанию — на дату файла каждой школы)
  --stats          в конце — время и пик памяти`;

const EXTENSIONS = /\.(json|gz|zip|nastavnik|txt)$/i;
const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

interface Args {
  inputs: string[];
  out: string;
  passphrases?: string;
  columns?: string;
  csv?: string;
  asOf?: string;
  stats: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { inputs: [], out: 'summary.xlsx', stats: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`после ${x} нужно значение`);
      return v;
    };
    try {
      if (x === '--out') a.out = value();
      else if (x === '--passphrases') a.passphrases = value();
      else if (x === '--columns') a.columns = value();
      else if (x === '--csv') a.csv = value();
      else if (x === '--as-of') a.asOf = value();
      else if (x === '--stats') a.stats = true;
      else if (x === '--help' || x === '-h') return USAGE;
      else if (x.startsWith('--')) return `Неизвестный параметр ${x}.\n\n${USAGE}`;
      else a.inputs.push(x);
    } catch (e) {
      return `${(e as Error).message}.\n\n${USAGE}`;
    }
  }
  if (!a.inputs.length) return `Укажите папку или файлы школ.\n\n${USAGE}`;
  if (a.asOf && !/^\d{4}-\d\d-\d\d$/.test(a.asOf)) return `--as-of: дата в виде ГГГГ-ММ-ДД, а не «${a.asOf}».`;
  return a;
}

/** The files to read, in a stable order: a folder's files by name, files as given. */
function listFiles(inputs: readonly string[], skip: ReadonlySet<string>): string[] {
  return inputs.flatMap((p) => {
    const st = statSync(p);
    if (!st.isDirectory()) return [p];
    return readdirSync(p)
      .filter((n) => EXTENSIONS.test(n))
      .sort((x, y) => x.localeCompare(y, 'ru'))
      .map((n) => join(p, n))
      .filter((f) => statSync(f).isFile() && !skip.has(resolve(f)));
  });
}

function readPassphrases(path: string): { byName: Map<string, string>; fallback?: string } {
  const byName = new Map<string, string>();
  let fallback: string | undefined;
  for (const line of readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const name = line.slice(0, at).trim();
    const phrase = line.slice(at + 1);
    if (name === '*') fallback = phrase;
    else byName.set(name, phrase);
  }
  return { byName, ...(fallback !== undefined ? { fallback } : {}) };
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    (args === USAGE ? out : err)(args);
    return args === USAGE ? 0 : 2;
  }
  const t0 = performance.now();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  let columns: readonly SummaryColumn[] = DEFAULT_SUMMARY_COLUMNS;
  if (args.columns) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(args.columns, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      err(`Список колонок «${args.columns}» не прочитан: ${(e as Error).message}`);
      return 2;
    }
    const r = parseSummaryColumns(json);
    if (!r.ok) {
      err(r.message);
      return 2;
    }
    columns = r.columns;
  }
  const phrases = args.passphrases ? readPassphrases(args.passphrases) : { byName: new Map<string, string>() };
  let files: string[];
  try {
    files = listFiles(args.inputs, new Set([args.passphrases, args.columns, args.out, args.csv].filter((x): x is string => !!x).map((x) => resolve(x))));
  } catch (e) {
    err(`Не найдено: ${(e as Error).message}`);
    return 2;
  }
  const readings: FileReading[] = [];
  for (const [i, path] of files.entries()) {
    const name = basename(path);
    let reading: FileReading;
    try {
      // One file at a time: its bytes and records are garbage once its numbers are taken.
      const bytes = new Uint8Array(readFileSync(path));
      const passphrase = phrases.byName.get(name) ?? phrases.fallback;
      const r = await decodeBundle(bytes, passphrase ? { passphrase } : {});
      sample(); // the school's records are all in memory now
      reading = r.ok ? readSchoolFile(name, r.value, args.asOf ? { asOf: args.asOf } : {}) : refusedFile(name, r.error);
      if (!r.ok && r.error.kind === 'passphraseRequired') reading = { kind: 'refused', fileName: name, message: 'Файл зашифрован, а фразы для него в --passphrases нет.' };
    } catch (e) {
      reading = { kind: 'refused', fileName: name, message: `Файл не прочитан: ${(e as Error).message}` };
    }
    readings.push(reading);
    sample();
    err(`[${i + 1}/${files.length}] ${name}: ${reading.kind === 'school' ? reading.school.schoolName : `не учтён — ${reading.message.split('\n')[0]}`}`);
  }
  const summary = buildSummary(readings);
  const sheets = summarySheets(summary, { today: todayIso(), columns });
  await writeXlsxFile(xlsxSheets(sheets)).toFile(resolve(args.out));
  if (args.csv) writeFileSync(resolve(args.csv), toCsv(sheets[0]!.rows.slice(3)));
  sample();
  for (const f of summary.files) if (f.status !== 'used' || f.messages.length) err(`${f.fileName}: ${FILE_STATUS_LABELS[f.status]}. ${f.messages.join(' ')}`);
  out(`Сводка: ${plural(summary.schools.length, { one: 'школа', few: 'школы', many: 'школ' })} из ${plural(files.length, { one: 'файла', few: 'файлов', many: 'файлов' })} → ${args.out}${args.csv ? ` и ${args.csv}` : ''}`);
  if (args.stats) {
    const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
    out(`stats: ${files.length} files, ${((performance.now() - t0) / 1000).toFixed(1)} s, peak heap ${mb(peakHeap)}, peak rss ${mb(peakRss)}`);
  }
  return summary.schools.length > 0 ? 0 : 1;
}
