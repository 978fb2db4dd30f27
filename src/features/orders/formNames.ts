/**
 * The mentoring forms' names for orders, until the configurable list (src/domain/mentoringForm.ts) lands; then
 * this takes DEFAULT_MENTORING_FORMS from there.
 */
export const DEFAULT_FORM_NAMES: readonly { id: string; name: string }[] = [];
