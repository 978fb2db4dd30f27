import { err, ok, type Result } from './result';
import type { BundleError, JsonPath } from './errors';

/** A whole school is about 80,000 records, some tens of MB; a file past this is not ours and is refused unread. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
/** No field of ours holds a megabyte of text: such a string is an attack or garbage. */
export const MAX_STRING_LENGTH = 1_000_000;
/** Records nest a few levels; the limit keeps every later recursive step (checksum, validation) safe. */
export const MAX_DEPTH = 32;
/**
 * Keys that can reach an object's prototype once data is copied with assignment (`Object.assign`, `obj[k] = v`).
 * JSON.parse itself only creates own properties, so refusing them anywhere in the file keeps every later step safe.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type JsonError = Extract<BundleError, { kind: 'notJson' | 'truncated' | 'tooLarge' | 'tooDeep' | 'forbiddenKeys' | 'stringTooLong' }>;

/** UTF-8 bytes → text, refusing what is too large before decoding it. */
export function decodeText(bytes: Uint8Array): Result<string, JsonError> {
  if (bytes.byteLength > MAX_BUNDLE_BYTES) return err({ kind: 'tooLarge', bytes: bytes.byteLength, limit: MAX_BUNDLE_BYTES });
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err({ kind: 'notJson' });
  }
}

/** JSON.parse behind the limits: size first, then a walk over the result for forbidden keys, long strings, depth. */
export function parseJsonSafely(text: string): Result<unknown, JsonError> {
  if (text.length > MAX_BUNDLE_BYTES) return err({ kind: 'tooLarge', bytes: text.length, limit: MAX_BUNDLE_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A file cut short still starts like an object; a file that is not JSON at all usually does not.
    const t = text.trim();
    return err(t.startsWith('{') && !t.endsWith('}') ? { kind: 'truncated' } : { kind: 'notJson' });
  }
  const problem = walk(value, []);
  return problem ? err(problem) : ok(value);
}

/** Depth-first, recursion bounded by MAX_DEPTH; the path is built only when something is wrong. */
function walk(value: unknown, path: (string | number)[]): JsonError | null {
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH ? { kind: 'stringTooLong', path: [...path], length: value.length, limit: MAX_STRING_LENGTH } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (path.length >= MAX_DEPTH) return { kind: 'tooDeep', path: [...path] as JsonPath };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const p = walk(value[i], path);
      path.pop();
      if (p) return p;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbiddenKeys', key, path: [...path, key] };
    if (key.length > MAX_STRING_LENGTH) return { kind: 'stringTooLong', path: [...path], length: key.length, limit: MAX_STRING_LENGTH };
    path.push(key);
    const p = walk((value as Record<string, unknown>)[key], path);
    path.pop();
    if (p) return p;
  }
  return null;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
