import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { deviceNameSchema } from '../domain/bundle/exportForm';
import { getDb } from '../storage/db';
import { DEVICE_NAME_KEY } from '../storage/myself';
import { useToasts } from './toastStore';
import { useDeviceRole } from '../data/useDeviceRole';
import { domainResolver } from './formResolver';
import { FormErrorSummary } from './FormErrorSummary';

const schema = z.object({ name: deviceNameSchema });
type DeviceNameFields = { name: string };
const resolver = domainResolver<DeviceNameFields, typeof schema>(schema, (v) => v);

/** The name other devices show for this one in their exchange history and conflicts. Stored locally, sent in bundles. */
export function DeviceNameForm() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const stored = useLiveQuery(() => getDb().meta.get(DEVICE_NAME_KEY).then((r) => (typeof r?.value === 'string' ? r.value : '')), []);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<DeviceNameFields, unknown, z.output<typeof schema>>({ defaultValues: { name: '' }, resolver });
  // The stored name fills the field once it is read, unless the user has started typing (a slow phone reads late).
  const typed = useRef(false);
  const role = useDeviceRole();
  useEffect(() => {
    if (stored !== undefined && !typed.current) reset({ name: stored });
  }, [stored, reset]);
  const error = errors.name?.message;

  return (
    <form
      className="form device-name"
      noValidate
      onSubmit={handleSubmit(async ({ name }) => {
        await getDb().meta.put({ key: DEVICE_NAME_KEY, value: name });
        show('Название устройства сохранено');
      })}
    >
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-name`}>Название этого устройства</label>
        <input
          id={`${id}-name`}
          maxLength={80}
          placeholder={role?.kind === 'mentor' ? 'Телефон наставника' : 'Телефон куратора'}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          {...register('name', { onChange: () => (typed.current = true) })}
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
      <FormErrorSummary errors={errors} />
      <button type="submit" className="button">
        Сохранить название
      </button>
    </form>
  );
}
