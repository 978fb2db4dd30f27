/** What names a bundle file and its structure: without zod, for the code that writes files (the gate's schemas: ./schema.ts). */
export const BUNDLE_FORMAT = 'nastavnik-bundle';
/** Raise by one, with a migration in migrations.ts, whenever the structure of the file changes. */
export const BUNDLE_FORMAT_VERSION = 4;

/** Which records a file holds: the whole school, or the pairs/groups sent to a mentor's phone (with what they need). */
export type BundleScope = { kind: 'school' } | { kind: 'mentorships'; mentorshipIds: string[] };
