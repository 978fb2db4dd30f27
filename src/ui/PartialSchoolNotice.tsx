import { useDeviceRole } from '../data/useDeviceRole';

/**
 * On a mentor's phone, which holds only the mentor's pairs and what they need, a school-wide screen (monitoring,
 * orders, the roadmap) says so: its numbers and lists are of that part, and the curator's device has the whole.
 */
export function PartialSchoolNotice({ what }: { what: string }) {
  const role = useDeviceRole();
  if (role?.kind !== 'mentor') return null;
  return (
    <p className="notice notice-warn" role="note" data-testid="partial-school">
      На телефоне наставника только часть школы: {what}. Всю школу ведёт куратор
      {role.curatorDeviceName ? ` на устройстве «${role.curatorDeviceName}»` : ''}.
    </p>
  );
}
