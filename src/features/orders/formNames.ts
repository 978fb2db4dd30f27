import { DEFAULT_MENTORING_FORMS } from '../../domain/mentoringForm';

/** The mentoring forms' names for orders: the built-in list; the school's stored forms override it by id. */
export const DEFAULT_FORM_NAMES: readonly { id: string; name: string }[] = DEFAULT_MENTORING_FORMS.map((f) => ({
  id: f.id,
  name: f.name,
}));
