import type { BundleHeader } from './format';

export type BundleEncoding = 'json' | 'gzip' | 'zip' | 'encrypted';

const EXTENSIONS: Record<BundleEncoding, string> = {
  json: '.json',
  gzip: '.json.gz',
  // Records and the files of materials: any archiver opens it.
  zip: '.zip',
  // Not .json: an encrypted file opened in a text viewer would only confuse.
  encrypted: '.nastavnik',
};

function slug(s: string, max: number): string {
  const cleaned = s
    .replace(/[«»"'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, max).replace(/-+$/, '') || 'школа';
}

/** «Наставник_Школа-14_пары-3_2025-10-01.json.gz»: says which school, what is inside, and when. */
export function bundleFileName(header: Pick<BundleHeader, 'school' | 'scope' | 'createdAt'>, encoding: BundleEncoding): string {
  const scope = header.scope.kind === 'school' ? 'вся-школа' : `пары-${header.scope.mentorshipIds.length}`;
  const date = header.createdAt.slice(0, 10);
  return `Наставник_${slug(header.school.name, 40)}_${scope}_${date}${EXTENSIONS[encoding]}`;
}
