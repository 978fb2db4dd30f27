/** How a generated file left the app. */
export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

/**
 * Saves a generated file: the share sheet where the browser accepts the file (iOS, where downloads inside an
 * installed app may do nothing), else a download. Chrome shares only allow-listed types (PDF, images, text), so a
 * DOCX usually downloads — `canShare` is asked first, never assumed.
 */
export async function saveFile(blob: Blob, fileName: string, opts: { title?: string; shareAs?: () => File } = {}): Promise<SaveOutcome> {
  const own = new File([blob], fileName, { type: blob.type || 'application/octet-stream' });
  // A form of the file the share sheet accepts where the file itself is refused (a bundle as text on Android).
  const alt = !canShareFile(own) && opts.shareAs ? opts.shareAs() : undefined;
  const file = alt && canShareFile(alt) ? alt : own;
  if (canShareFile(file)) {
    try {
      await navigator.share({ files: [file], title: opts.title ?? fileName });
      return 'shared';
    } catch (e) {
      // The user closed the sheet: nothing to do. Anything else (lost user activation after a slow build,
      // a refused type): fall through to a download, which needs no permission.
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
    }
  }
  downloadBlob(blob, fileName);
  return 'downloaded';
}

function canShareFile(file: File): boolean {
  try {
    return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  } catch {
    return false;
  }
}

/** A download through a temporary blob URL; revoked later, since revoking at once cancels it in some browsers. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
