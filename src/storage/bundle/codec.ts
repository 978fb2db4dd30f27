import { unwrapText } from '../../domain/bundle/textWrap';
import { ARCHIVE_BUNDLE_ENTRY, ARCHIVE_MANIFEST_ENTRY, archiveFileEntry, checkArchiveDirectory, checkAttachmentBytes, type ArchiveEntryInfo, type AttachmentEntry, type BundleAttachment } from '../../domain/bundle/attachments';
import { checkManifest } from '../../domain/bundle/attachments.schema';
import { serializeBundle, type Bundle, type ParsedBundle } from '../../domain/bundle/format';
import type { BundleEncoding } from '../../domain/bundle/fileName';
import type { BundleError } from '../../domain/bundle/errors';
import { parseBundle } from '../../domain/bundle/parse';
import { err, ok, type Result } from '../../domain/bundle/result';
import { decodeText, MAX_BUNDLE_BYTES, parseJsonSafely } from '../../domain/bundle/safeJson';
import { gunzipCapped, unzipCapped, type InflateProgress } from './inflate';

/**
 * Bundle ⇄ file bytes: JSON, gzip (CompressionStream) and, with a passphrase, AES-256-GCM with a key from
 * PBKDF2-SHA-256. All WebCrypto and streams, present in browsers and in Node ≥ 20, so no library is shipped for them.
 * A whole-school bundle with the files of materials is a ZIP archive instead of gzip (fflate, loaded only then; see
 * src/domain/bundle/attachments.ts), encrypted the same way when a passphrase is given.
 *
 * Encrypted layout, all of it before the ciphertext being the GCM additional data (so it is authenticated):
 *   "NSTVNK" | container version (1) | kdf id (1 = PBKDF2-SHA-256) | iterations (uint32, big-endian)
 *   | salt length (16) | salt | iv length (12) | iv | ciphertext of gzip(JSON) with the 16-byte tag
 */
export const KDF_ITERATIONS = 600_000;
const MAX_ITERATIONS = 10_000_000;
const MAGIC = [0x4e, 0x53, 0x54, 0x56, 0x4e, 0x4b]; // "NSTVNK"
const CONTAINER_VERSION = 1;
const KDF_PBKDF2_SHA256 = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + 1 + 4 + 1 + SALT_BYTES + 1 + IV_BYTES;

type Bytes = Uint8Array<ArrayBuffer>;

export interface EncodeOptions {
  /** gzip the JSON; on by default (it shrinks a school's data several times). Always on when encrypting. */
  compress?: boolean;
  /** Encrypt with this passphrase. */
  passphrase?: string;
  /** PBKDF2 iterations; only tests lower it, to stay fast. */
  iterations?: number;
  /** Files of materials to carry: the result is a ZIP archive (see attachments.ts). */
  files?: readonly BundleAttachment[];
}

/** Where a decode is, for the import's progress bar: `done` of `total` bytes of the stage's input. */
export interface DecodeProgress {
  stage: 'decrypting' | 'inflating' | 'checking' | 'files';
  done?: number;
  total?: number;
  /** Bytes unpacked so far. */
  produced?: number;
}

export interface DecodeOptions {
  passphrase?: string;
  /** Largest file and largest unpacked content accepted; only tests lower it. */
  maxBytes?: number;
  onProgress?: (p: DecodeProgress) => void;
  /** Counts every byte decompression produced (see inflate.ts); tests check a bomb stopped early. */
  meter?: { produced: number };
}

const inflating = (opts: DecodeOptions) =>
  opts.onProgress ? (p: InflateProgress) => opts.onProgress!({ stage: 'inflating', done: p.read, total: p.total, produced: p.produced }) : undefined;

export function detectEncoding(bytes: Uint8Array): BundleEncoding {
  if (bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b)) return 'encrypted';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  return 'json';
}

export async function encodeBundle(bundle: Bundle, opts: EncodeOptions = {}): Promise<Bytes> {
  const json = new TextEncoder().encode(serializeBundle(bundle)) as Bytes;
  if (opts.passphrase !== undefined && !opts.passphrase) throw new Error('Пустая парольная фраза');
  const packed = opts.files?.length ? await zipBundle(json, opts.files) : opts.passphrase === undefined && opts.compress === false ? json : await gzip(json);
  return opts.passphrase === undefined ? packed : encrypt(packed, opts.passphrase, opts.iterations ?? KDF_ITERATIONS);
}

/** File bytes → a checked bundle, or the reason it is refused. Never throws for bad input. */
export async function decodeBundle(bytes: Uint8Array, opts: DecodeOptions = {}): Promise<Result<ParsedBundle, BundleError>> {
  // A bundle shared as text for Android's share sheet (src/domain/bundle/textWrap.ts) holds the file's bytes.
  const plain = await unwrap(unwrapText(bytes) ?? bytes, opts);
  if (!plain.ok) return plain;
  if (detectEncoding(plain.value) !== 'zip') {
    opts.onProgress?.({ stage: 'checking' });
    return parseBundle(plain.value);
  }
  try {
    return await readArchive(plain.value, opts.maxBytes ?? MAX_BUNDLE_BYTES, opts);
  } catch (e) {
    return err({ kind: 'notABundle', detail: `архив не читается (${e instanceof Error ? e.message : String(e)})` });
  }
}

async function zipBundle(json: Bytes, files: readonly BundleAttachment[]): Promise<Bytes> {
  const { zipSync, strToU8 } = await import('fflate');
  const manifest: { files: AttachmentEntry[] } = {
    files: files.map(({ id, fileName, mimeType, size, sha256 }) => ({ id, fileName, mimeType, size, sha256 })),
  };
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
    [ARCHIVE_BUNDLE_ENTRY]: [json, { level: 6 }],
    [ARCHIVE_MANIFEST_ENTRY]: [strToU8(JSON.stringify(manifest)), { level: 6 }],
  };
  // Documents and photos are compressed already: stored as they are, the archive is made in a blink.
  for (const f of files) entries[archiveFileEntry(f.id)] = [f.bytes, { level: 0 }];
  return zipSync(entries) as Bytes;
}

/**
 * A ZIP bundle: its directory is checked before anything is unpacked (names, declared sizes), then the entries are
 * unpacked with a hard cap (inflate.ts: an entry past its declared size, or all past the limit, stop it at once),
 * then the bundle passes the usual gate, then each file is checked against the list and against its material's record.
 */
async function readArchive(zip: Bytes, limit: number, opts: DecodeOptions = {}): Promise<Result<ParsedBundle, BundleError>> {
  const { unzipSync } = await import('fflate');
  const directory: ArchiveEntryInfo[] = [];
  // Reads the central directory only: the filter refuses every entry, so nothing is inflated here.
  unzipSync(zip, {
    filter: (f) => {
      directory.push({ name: f.name, size: f.originalSize });
      return false;
    },
  });
  const dir = checkArchiveDirectory(directory, limit);
  if (!dir.ok) return dir;
  const entries = await unzipCapped(zip, new Map(directory.map((e) => [e.name, e.size])), { limit, onProgress: inflating(opts), meter: opts.meter });
  if (!entries.ok) return entries;
  const unpacked = Object.fromEntries(entries.value) as Record<string, Bytes | undefined>;
  opts.onProgress?.({ stage: 'checking' });
  const bundle = await parseBundle(unpacked[ARCHIVE_BUNDLE_ENTRY]!);
  if (!bundle.ok) return bundle;
  const rawManifest = unpacked[ARCHIVE_MANIFEST_ENTRY];
  if (!rawManifest) return directory.some((e) => e.name.startsWith('files/') && e.name !== 'files/') ? err({ kind: 'notABundle', detail: `в архиве нет «${ARCHIVE_MANIFEST_ENTRY}»` }) : bundle;
  const manifestText = decodeText(rawManifest);
  if (!manifestText.ok) return manifestText;
  const manifestJson = parseJsonSafely(manifestText.value);
  if (!manifestJson.ok) return manifestJson;
  const listed = checkManifest(manifestJson.value, bundle.value.tables.materials ?? [], directory);
  if (!listed.ok) return listed;
  const attachments: BundleAttachment[] = [];
  opts.onProgress?.({ stage: 'files', done: 0, total: listed.value.length });
  for (const entry of listed.value) {
    const checked = await checkAttachmentBytes(entry, unpacked[archiveFileEntry(entry.id)]!);
    if (!checked.ok) return checked;
    attachments.push(checked.value);
    opts.onProgress?.({ stage: 'files', done: attachments.length, total: listed.value.length });
  }
  return ok({ ...bundle.value, attachments });
}

/** Decrypts and unpacks, whatever layers the file has, down to the JSON bytes (or the ZIP archive). */
export async function unwrap(bytes: Uint8Array, opts: DecodeOptions = {}): Promise<Result<Bytes, BundleError>> {
  const limit = opts.maxBytes ?? MAX_BUNDLE_BYTES;
  if (bytes.byteLength > limit) return err({ kind: 'tooLarge', bytes: bytes.byteLength, limit });
  // No copy when the bytes already sit in an ArrayBuffer: a file with materials can be tens of MB.
  let data = (bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)) as Bytes;
  if (detectEncoding(data) === 'encrypted') {
    if (!opts.passphrase) return err({ kind: 'passphraseRequired' });
    opts.onProgress?.({ stage: 'decrypting' });
    const opened = await decrypt(data, opts.passphrase);
    if (!opened.ok) return opened;
    data = opened.value;
  }
  if (detectEncoding(data) === 'gzip') return gunzipCapped(data, { limit, onProgress: inflating(opts), meter: opts.meter });
  return ok(data);
}

/** Every chunk of a stream in one buffer (the encoder's gzip; decoding counts its output in inflate.ts instead). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Bytes> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function gzip(data: Bytes): Promise<Bytes> {
  return readAll(new Blob([data]).stream().pipeThrough(new CompressionStream('gzip')));
}

async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on two keyboards may come as different code points («ё» composed or not).
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Any bytes encrypted as a bundle file is (tests build hostile files with it). */
export const encryptBytes = (plain: Bytes, passphrase: string, iterations = KDF_ITERATIONS) => encrypt(plain, passphrase, iterations);

async function encrypt(plain: Bytes, passphrase: string, iterations: number): Promise<Bytes> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new Error('Неверное число итераций');
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(MAGIC, 0);
  let at = MAGIC.length;
  header[at++] = CONTAINER_VERSION;
  header[at++] = KDF_PBKDF2_SHA256;
  view.setUint32(at, iterations);
  at += 4;
  header[at++] = SALT_BYTES;
  header.set(salt, at);
  at += SALT_BYTES;
  header[at++] = IV_BYTES;
  header.set(iv, at);
  const key = await deriveKey(passphrase, salt, iterations);
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plain));
  const out = new Uint8Array(HEADER_BYTES + cipher.byteLength);
  out.set(header, 0);
  out.set(cipher, HEADER_BYTES);
  return out;
}

/** The parameters of an encrypted file, for tests and for support. */
export function readEncryptionHeader(data: Uint8Array): { version: number; kdf: number; iterations: number } | null {
  if (data.byteLength < HEADER_BYTES || detectEncoding(data) !== 'encrypted') return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { version: data[MAGIC.length]!, kdf: data[MAGIC.length + 1]!, iterations: view.getUint32(MAGIC.length + 2) };
}

async function decrypt(data: Bytes, passphrase: string): Promise<Result<Bytes, BundleError>> {
  if (data.byteLength < HEADER_BYTES + TAG_BYTES) return err({ kind: 'truncated' });
  const h = readEncryptionHeader(data)!;
  const saltAt = MAGIC.length + 6;
  if (h.version > CONTAINER_VERSION) return err({ kind: 'versionTooNew', version: h.version, supported: CONTAINER_VERSION });
  if (h.version !== CONTAINER_VERSION || h.kdf !== KDF_PBKDF2_SHA256 || h.iterations < 1 || h.iterations > MAX_ITERATIONS || data[saltAt] !== SALT_BYTES || data[saltAt + 1 + SALT_BYTES] !== IV_BYTES)
    return err({ kind: 'notABundle', detail: 'неизвестные параметры шифрования' });
  const header = data.slice(0, HEADER_BYTES);
  const salt = data.slice(saltAt + 1, saltAt + 1 + SALT_BYTES);
  const iv = data.slice(HEADER_BYTES - IV_BYTES, HEADER_BYTES);
  try {
    const key = await deriveKey(passphrase, salt, h.iterations);
    return ok(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header }, key, data.slice(HEADER_BYTES))));
  } catch {
    // GCM cannot tell a wrong key from a changed byte; the message says both.
    return err({ kind: 'wrongPassphrase' });
  }
}
