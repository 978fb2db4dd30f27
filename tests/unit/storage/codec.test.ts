import { describe, expect, it } from 'vitest';
import { decodeBundle, detectEncoding, encodeBundle, KDF_ITERATIONS, readEncryptionHeader, unwrap } from '../../../src/storage/bundle/codec';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';
import { sampleBundle } from '../domain/bundle/sampleData';

// Tests use few PBKDF2 rounds to stay fast; the app's default is checked separately below.
const FAST = 1000;

describe('bundle codec: round trips', () => {
  it.each([
    ['plain JSON', { compress: false }, 'json'],
    ['gzip', {}, 'gzip'],
    ['encrypted', { passphrase: 'Наставник-2025', iterations: FAST }, 'encrypted'],
  ] as const)('%s', async (_name, opts, encoding) => {
    const b = await sampleBundle();
    const bytes = await encodeBundle(b, opts);
    expect(detectEncoding(bytes)).toBe(encoding);
    const r = await decodeBundle(bytes, { passphrase: 'passphrase' in opts ? opts.passphrase : undefined });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.tables).toEqual(b.tables);
  });

  it('gzip pays: the compressed file is several times smaller', async () => {
    const b = await sampleBundle();
    const plain = await encodeBundle(b, { compress: false });
    const gz = await encodeBundle(b);
    expect(gz.byteLength * 3).toBeLessThan(plain.byteLength);
  });

  it('a plain file with a byte-order mark still opens', async () => {
    const text = `\uFEFF${serializeBundle(await sampleBundle())}`;
    expect((await decodeBundle(new TextEncoder().encode(text))).ok).toBe(true);
  });

  it('the passphrase is compared after Unicode normalisation (ё typed two ways)', async () => {
    const bytes = await encodeBundle(await sampleBundle(), { passphrase: 'ёлка', iterations: FAST });
    expect((await decodeBundle(bytes, { passphrase: 'е\u0308лка' })).ok).toBe(true);
  });

  it('by default uses 600,000 PBKDF2 iterations, a fresh salt and IV each time', async () => {
    const b = await sampleBundle();
    const bytes = await encodeBundle(b, { passphrase: 'секрет' });
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(readEncryptionHeader(bytes)).toEqual({ version: 1, kdf: 1, iterations: KDF_ITERATIONS });
    const again = await encodeBundle(b, { passphrase: 'секрет', iterations: FAST });
    expect(Buffer.from(again.slice(12, 42)).equals(Buffer.from(bytes.slice(12, 42)))).toBe(false);
  });

  it('refuses to encrypt with an empty passphrase', async () => {
    await expect(encodeBundle(await sampleBundle(), { passphrase: '' })).rejects.toThrow('Пустая');
  });
});

describe('bundle codec: refusals', () => {
  const encrypted = async () => encodeBundle(await sampleBundle(), { passphrase: 'верная фраза', iterations: FAST });

  it('asks for the passphrase, and a wrong one is told clearly', async () => {
    const bytes = await encrypted();
    expect(await decodeBundle(bytes)).toEqual({ ok: false, error: { kind: 'passphraseRequired' } });
    const r = await decodeBundle(bytes, { passphrase: 'неверная фраза' });
    expect(r).toEqual({ ok: false, error: { kind: 'wrongPassphrase' } });
    if (!r.ok) expect(bundleErrorMessage(r.error)).toContain('Неверная парольная фраза');
  });

  it('the header is authenticated: changing any byte of it or of the ciphertext is refused', async () => {
    const bytes = await encrypted();
    for (const at of [6, 8, 11, 12, 20, 35, 41, 42, 100, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const r = await decodeBundle(bad, { passphrase: 'верная фраза' });
      expect(r.ok, `byte ${at}`).toBe(false);
    }
  });

  it('a cut-off encrypted or gzip file', async () => {
    const enc = await encrypted();
    expect(await decodeBundle(enc.slice(0, 30), { passphrase: 'x' })).toEqual({ ok: false, error: { kind: 'truncated' } });
    expect((await decodeBundle(enc.slice(0, enc.length - 10), { passphrase: 'верная фраза' })).ok).toBe(false);
    const gz = await encodeBundle(await sampleBundle());
    expect(await decodeBundle(gz.slice(0, gz.length / 2))).toEqual({ ok: false, error: { kind: 'truncated' } });
  });

  it('a file over the limit is refused unread, and an archive that unpacks past it is stopped', async () => {
    expect(await unwrap(new Uint8Array(2000), { maxBytes: 1000 })).toMatchObject({ ok: false, error: { kind: 'tooLarge' } });
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = new Uint8Array(await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    expect(bomb.byteLength).toBeLessThan(50_000);
    expect(await unwrap(bomb, { maxBytes: 1024 * 1024 })).toMatchObject({ ok: false, error: { kind: 'tooLarge', limit: 1024 * 1024 } });
  });

  it('random bytes are not a bundle', async () => {
    const junk = crypto.getRandomValues(new Uint8Array(500));
    junk[0] = 0x50;
    const r = await decodeBundle(junk);
    expect(r.ok ? null : r.error.kind).toBe('notJson');
  });
});
