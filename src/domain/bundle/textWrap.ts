/**
 * A bundle the Android share sheet accepts. Chrome's Web Share takes only an allow-list of file types
 * (Chromium's `third_party/blink/renderer/modules/webshare/FILE_TYPES.md`: PDF, audio, images, css/csv/html/txt,
 * video), and a `.json.gz`, `.zip` or `.nastavnik` is not on it. So the shared file is plain text: a Russian line
 * saying what it is and how to open it, a marker, then the file's bytes as base64 in lines of 76. Messengers carry a
 * `.txt` as a document, unchanged; the import recognises the marker and unwraps it before the usual gate. A file
 * saved by download keeps the compact binary form.
 */
export const TEXT_MARKER = 'NASTAVNIK-BUNDLE-BASE64';
export const SHARE_MIME = 'text/plain';
export const SHARE_EXTENSION = '.txt';

const INTRO = 'Файл обмена приложения «Наставник». Откройте его в приложении: Обмен → Загрузить файл обмена (или «Поделиться» → «Наставник»).';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function wrapAsText(bytes: Uint8Array): string {
  const b64 = toBase64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return `${INTRO}\r\n${TEXT_MARKER}\r\n${lines.join('\r\n')}\r\n`;
}

/** The bytes inside a wrapped file, or null when `bytes` is not one (then it is read as it is). */
export function unwrapText(bytes: Uint8Array): Uint8Array | null {
  // The marker sits within the first few hundred bytes; a binary bundle never starts with this Cyrillic text.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 600));
  const at = head.indexOf(TEXT_MARKER);
  if (at < 0 || !head.startsWith('Файл обмена')) return null;
  const text = new TextDecoder().decode(bytes).slice(at + TEXT_MARKER.length).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The shareable file's name: the bundle's own name with `.txt` instead of its extension. */
export function shareFileName(fileName: string): string {
  return fileName.replace(/(\.json\.gz|\.json|\.zip|\.nastavnik)$/i, '') + SHARE_EXTENSION;
}
