#!/usr/bin/env node
// Whole-school files of many synthetic schools, for the municipality's summary (issue 15, cli/summary.mjs).
//
//   node bench/summary-files.mjs [--count 50] [--first-seed 1] [--out bench/out/summary-schools] [--encrypt-every 10]
//
// School n is bench/generate.mjs's school of seed first-seed + n − 1 (its own ids, so its own school), named
// «… № 47 (seed n)», put in a bundle by the app's own buildBundle and gzipped by encodeBundle (src/domain and
// src/storage/bundle/codec, loaded through Vite's module runner) — a file as «Обмен → Вся школа» saves it. Every
// encrypt-every-th file is encrypted with the passphrase «школа-<seed>» (listed in passphrases.txt beside them).
// One school at a time is in memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, argValue } from './lib/build.mjs';
import { generateSchool } from './generate.mjs';

const argv = process.argv.slice(2);
const count = Number(argValue(argv, 'count', 50));
const first = Number(argValue(argv, 'first-seed', 1));
const outDir = resolve(argValue(argv, 'out', resolve(ROOT, 'bench/out/summary-schools')));
const encryptEvery = Number(argValue(argv, 'encrypt-every', 10));

const { runnerImport } = await import('vite');
const load = async (p) => (await runnerImport(resolve(ROOT, p), { root: ROOT, configFile: false, logLevel: 'error' })).module;
const { buildBundle } = await load('src/domain/bundle/format.ts');
const { encodeBundle } = await load('src/storage/bundle/codec.ts');

mkdirSync(outDir, { recursive: true });
const phrases = ['# имя файла=парольная фраза'];
const t0 = performance.now();
let bytes = 0;
for (let n = 0; n < count; n++) {
  const seed = first + n;
  const school = generateSchool(seed);
  const s = school.tables.school[0];
  s.name = s.name.replace(' с углублённым изучением отдельных предметов»', ` (seed ${seed})»`);
  const bundle = await buildBundle({
    appVersion: 'bench',
    schemaVersion: 6,
    createdAt: `2026-05-25T0${n % 10}:00:00.000Z`,
    device: { id: `bench-curator-${seed}`, name: 'Телефон куратора' },
    school: { id: s.id, name: s.name },
    scope: { kind: 'school' },
    tables: school.tables,
    conflicts: [],
  });
  const encrypted = encryptEvery > 0 && (n + 1) % encryptEvery === 0;
  const file = `school-${String(seed).padStart(3, '0')}.${encrypted ? 'nastavnik' : 'json.gz'}`;
  const data = await encodeBundle(bundle, encrypted ? { passphrase: `школа-${seed}` } : {});
  if (encrypted) phrases.push(`${file}=школа-${seed}`);
  writeFileSync(resolve(outDir, file), data);
  bytes += data.length;
  console.log(`${file}: ${(data.length / 1e6).toFixed(1)} MB`);
}
writeFileSync(resolve(outDir, 'passphrases.txt'), `${phrases.join('\n')}\n`);
console.log(`${count} files, ${(bytes / 1e6).toFixed(0)} MB in ${outDir} (${((performance.now() - t0) / 1000).toFixed(0)} s); passphrases.txt beside them`);
