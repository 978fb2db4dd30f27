#!/usr/bin/env node
// `npm run summary -- <folder or files> --out summary.xlsx [--passphrases file] [--columns columns.json] [--csv summary.csv] [--as-of YYYY-MM-DD]`
//
// The municipality's summary of many schools' whole-school files (issue 15) from the command line. The work is in
// cli/summaryMain.ts, which uses src/domain (and the bundle codec of src/storage, itself only domain code) unchanged;
// this launcher loads it through Vite's module runner, the way bench/generate.mjs loads src/domain: no build step and
// no extra dependency (Vite is already a dev dependency).
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { createServer } = await import('vite');
// A server without HTTP, only for its module loader; it stays open while the command runs, because the codec loads
// fflate lazily (as the app does) when the first gzip file is unpacked.
const vite = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
try {
  const module = await vite.ssrLoadModule('/cli/summaryMain.ts');
  process.exitCode = await module.main(process.argv.slice(2));
} finally {
  await vite.close();
}
