import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shareFileName, SHARE_EXTENSION, SHARE_MIME, unwrapText, wrapAsText } from '../../../../src/domain/bundle/textWrap';

/**
 * Chromium's list of the file types Web Share accepts (third_party/blink/renderer/modules/webshare/FILE_TYPES.md,
 * checked 2026-12-01): our shared file must be one of them, and the binary forms are not.
 */
const CHROME_SHAREABLE = ['.pdf', '.flac', '.m4a', '.mp3', '.oga', '.ogg', '.opus', '.wav', '.weba', '.bmp', '.gif', '.ico', '.jfif', '.jpeg', '.jpg', '.pjp', '.pjpeg', '.png', '.svg', '.svgz', '.tif', '.tiff', '.webp', '.xbm', '.css', '.csv', '.ehtml', '.htm', '.html', '.shtm', '.shtml', '.text', '.txt', '.m4v', '.mp4', '.mpeg', '.mpg', '.ogm', '.ogv', '.webm'];

describe('a bundle wrapped as text for the Android share sheet', () => {
  it('is a type Chrome shares, where the binary forms are not', () => {
    expect(CHROME_SHAREABLE).toContain(SHARE_EXTENSION);
    expect(SHARE_MIME).toBe('text/plain');
    for (const ext of ['.gz', '.zip', '.nastavnik', '.json']) expect(CHROME_SHAREABLE).not.toContain(ext);
    expect(shareFileName('Наставник_Школа_вся-школа_2026-12-02.json.gz')).toBe('Наставник_Школа_вся-школа_2026-12-02.txt');
    expect(shareFileName('Наставник_Школа_пары-2_2026-12-02.nastavnik')).toBe('Наставник_Школа_пары-2_2026-12-02.txt');
  });

  it('says in Russian what it is, and gives back the exact bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const text = wrapAsText(bytes);
        expect(text.startsWith('Файл обмена приложения «Наставник»')).toBe(true);
        expect(unwrapText(new TextEncoder().encode(text))).toEqual(bytes);
      }),
    );
  });

  it('leaves other files alone: a gzip, a JSON, a text that only mentions the marker', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]);
    expect(unwrapText(gz)).toBeNull();
    const fixture = readFileSync(new URL('../../../fixtures/bundles/v3-school.json', import.meta.url));
    expect(unwrapText(new Uint8Array(fixture))).toBeNull();
    expect(unwrapText(new TextEncoder().encode('Привет, NASTAVNIK-BUNDLE-BASE64 AAAA'))).toBeNull();
    expect(unwrapText(new TextEncoder().encode('Файл обмена NASTAVNIK-BUNDLE-BASE64\n@@@'))).toBeNull();
  });
});
