import { useEffect, useId, useState } from 'react';
import type { DeviceRole } from '../../domain/deviceRole';
import { CURATOR_ROLE } from '../../domain/deviceRole';
import { setDeviceRole } from '../../storage/deviceRole';
import { useToasts } from '../../ui/toastStore';

/**
 * «Чей это телефон»: the curator's device holds and shows the whole school; a mentor's phone shows the mentor's own
 * pairs and sends only them. A new phone takes its role from its first file; here its owner can change it.
 */
export function DeviceRoleSection({ role }: { role: DeviceRole }) {
  const id = useId();
  const show = useToasts((s) => s.show);
  // The choice shows at once; the stored role follows (and a failed write puts the choice back).
  const [kind, setKind] = useState(role.kind);
  useEffect(() => setKind(role.kind), [role.kind]);
  const choose = async (next: DeviceRole['kind']) => {
    if (next === role.kind) return;
    setKind(next);
    // A phone made a mentor's by hand keeps no curator's device: «Отправить куратору» then makes a file of all its pairs.
    try {
      await setDeviceRole(next === 'curator' ? CURATOR_ROLE : { kind: 'mentor', mentorshipIds: [] });
    } catch {
      setKind(role.kind);
      show('Роль устройства не сменилась: попробуйте ещё раз');
      return;
    }
    show(next === 'curator' ? 'Теперь это устройство куратора: видна вся школа' : 'Теперь это телефон наставника: видны ваши пары');
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Чьё это устройство</h2>
      <fieldset className="field">
        <legend className="visually-hidden">Роль устройства</legend>
        <div className="radio-list">
          <label className="checkbox">
            <input type="radio" name={`${id}-role`} checked={kind === 'curator'} onChange={() => void choose('curator')} /> Куратора или директора —
            вся школа: показатели, приказы, дорожная карта
          </label>
          <label className="checkbox">
            <input type="radio" name={`${id}-role`} checked={kind === 'mentor'} onChange={() => void choose('mentor')} /> Наставника — только мои пары и
            группы, «Отправить куратору»
          </label>
        </div>
        <p className="field-hint">
          {role.kind === 'mentor'
            ? `Телефон получил пары ${role.curatorDeviceName ? `с устройства «${role.curatorDeviceName}»` : 'от куратора'}. Показатели школы здесь не считаются: на телефоне только часть школы.`
            : 'Новый телефон, начатый с файла с парами наставника, сам становится телефоном наставника.'}
        </p>
      </fieldset>
    </section>
  );
}
