import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/summaryMain';
import { buildBundle } from '../../../src/domain/bundle/format';
import { schoolInputSchema } from '../../../src/domain/school.schema';
import { encodeBundle } from '../../../src/storage/bundle/codec';
import { rec, sampleInput, sampleTables } from '../domain/bundle/sampleData';

/** `npm run summary` end to end on a folder: two schools (one encrypted), an older copy, a pairs file, a stranger. */
describe('npm run summary', () => {
  it('reads a folder file by file and writes the summary XLSX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-cli-'));
    const school14 = await buildBundle(sampleInput({ createdAt: '2025-11-01T08:00:00.000Z' }));
    writeFileSync(join(dir, 'a-school14.json.gz'), await encodeBundle(school14));
    copyFileSync(fileURLToPath(new URL('../../fixtures/bundles/v2-school.json', import.meta.url)), join(dir, 'b-school14-old.json'));
    const tables = { ...sampleTables(), school: [rec(schoolInputSchema.parse({ name: 'Школа № 2', academicYear: '2025/2026', studentsTotal: 100, teachersTotal: 10 }), 'school-2')] };
    const two = await buildBundle(sampleInput({ school: { id: 'school-2', name: 'Школа № 2' }, tables }));
    writeFileSync(join(dir, 'c-school2.nastavnik'), await encodeBundle(two, { passphrase: 'фраза', iterations: 1000 }));
    writeFileSync(join(dir, 'd-pairs.json.gz'), await encodeBundle(await buildBundle(sampleInput({ scope: { kind: 'mentorships', mentorshipIds: ['m1'] } }))));
    writeFileSync(join(dir, 'e-notes.txt'), 'просто текст');
    const phrases = join(dir, 'фразы.txt');
    writeFileSync(phrases, '# comment\nc-school2.nastavnik=фраза\n');
    const out = join(dir, 'summary.xlsx');
    const lines: string[] = [];
    const write = (s: string | Uint8Array) => (lines.push(String(s)), true);
    const so = vi.spyOn(process.stdout, 'write').mockImplementation(write);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation(write);
    let code: number;
    try {
      code = await main([dir, '--out', out, '--passphrases', phrases]);
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
    expect(code).toBe(0);
    const text = lines.join('');
    expect(text).toContain('[3/5] c-school2.nastavnik: Школа № 2');
    expect(text).toContain('b-school14-old.json: не учтён: есть файл новее.');
    expect(text).toContain('d-pairs.json.gz: не учтён. Это файл одной пары или группы');
    expect(text).toContain('Сводка: 2 школы из 5 файлов');
    const sheets = (await readXlsxFile(out)) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['Сводка', 'Итоги', 'Файлы']);
    expect(sheets[0]!.data.slice(4).map((r) => r[0])).toEqual(['МБОУ «Школа № 14»', 'Школа № 2', 'Итого по муниципалитету (2 школы)']);
    // one teacher mentor in each: 1 of 50 and 1 of 10, pooled 2 of 60
    const teachers = sheets[1]!.data.find((r) => r[0] === 'Наставники среди педагогов')!;
    expect(teachers.slice(1, 4)).toEqual([2, 60, 3.3]);
    expect(sheets[2]!.data.slice(4).map((r) => r[3])).toEqual(['в сводке', 'не учтён: есть файл новее', 'в сводке', 'не учтён', 'не учтён']);
  });

  it('says what is wrong with the arguments', async () => {
    const lines: string[] = [];
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    try {
      expect(await main([])).toBe(2);
      expect(await main(['x', '--as-of', '25.05.2026'])).toBe(2);
    } finally {
      se.mockRestore();
    }
    expect(lines[0]).toMatch(/^Укажите папку или файлы школ\./);
    expect(lines[1]).toBe('--as-of: дата в виде ГГГГ-ММ-ДД, а не «25.05.2026».\n');
  });
});
