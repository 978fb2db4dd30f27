// A benchmark page of bench/<name>-page: built with Vite (the app's own code, no UI), served beside the synthetic
// school (/school.json), opened in Debian's Chromium and waited for until it says «ready».

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { ROOT } from './build.mjs';
import { startPreview } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { generateSchool, serialize } from '../generate.mjs';

/**
 * Returns the page, and `close()` that stops the browser and the server. `files` (name → string or bytes) are
 * written beside the page before it is served; `withSchool: false` leaves out /school.json.
 */
export async function openBenchPage({ pageDir, outName = pageDir, port, seed, files = {}, withSchool = true }) {
  const outDir = resolve(ROOT, 'bench/out', outName);
  await build({
    configFile: false,
    root: resolve(ROOT, 'bench', pageDir),
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  if (withSchool) writeFileSync(join(outDir, 'school.json'), serialize(generateSchool(seed)));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
  const server = await startPreview({ outDir, port });
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await server.stop();
  };
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
