import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { deviceNameSchema } from '../domain/bundle/exportForm';
import { getDb } from '../storage/db';
import { DEVICE_NAME_KEY } from '../storage/bundle/exportBundle';
import { useToasts } from './toastStore';
import { useDeviceRole } from '../data/useDeviceRole';

/** The name other devices show for this one in their exchange history and conflicts. Stored locally, sent in bundles. */
export function DeviceNameForm() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const stored = useLiveQuery(() => getDb().meta.get(DEVICE_NAME_KEY).then((r) => (typeof r?.value === 'string' ? r.value : '')), []);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The stored name fills the field once it is read, unless the user has started typing (a slow phone reads late).
  const [typed, setTyped] = useState(false);
  const role = useDeviceRole();
  useEffect(() => {
    if (stored !== undefined && !typed) setValue(stored);
  }, [stored, typed]);

  return (
    <form
      className="form device-name"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const r = deviceNameSchema.safeParse(value);
        if (!r.success) {
          setError(r.error.issues[0]!.message);
          return;
        }
        setError(null);
        void getDb()
          .meta.put({ key: DEVICE_NAME_KEY, value: r.data })
          .then(() => show('Название устройства сохранено'));
      }}
    >
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-name`}>Название этого устройства</label>
        <input
          id={`${id}-name`}
          value={value}
          maxLength={80}
          placeholder={role?.kind === 'mentor' ? 'Телефон наставника' : 'Телефон куратора'}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setTyped(true);
            setValue(e.target.value);
          }}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : (
          <p className="field-hint" id={`${id}-hint`}>
            Его увидят в истории обмена и в конфликтах на других устройствах.
          </p>
        )}
      </div>
      <button type="submit" className="button">
        Сохранить название
      </button>
    </form>
  );
}
