import { pickerOrder } from '../domain/mentorshipList';
import type { Person, PersonRole } from '../domain/person';
import { shortName } from '../domain/person';
import type { PickerOption } from './PersonPicker';
import { categoryLabel } from '../i18n/ru';

/** People as PersonPicker options: those with `role` (and allowed by the form) first, a class or category under the name. */
export function personOptions(
  people: readonly Person[],
  role: PersonRole,
  allowed?: (p: Person) => boolean,
  disabled?: ReadonlyMap<string, string>,
): PickerOption[] {
  return pickerOrder(people, role, allowed).map(({ person: p, preferred }) => {
    const reason = disabled?.get(p.id);
    const sub = [p.category === 'student' && p.classLabel ? `${p.classLabel} класс` : categoryLabel[p.category], reason].filter(Boolean).join(' · ');
    return { id: p.id, label: shortName(p), sub, preferred, disabled: !!reason };
  });
}
