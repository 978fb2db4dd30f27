import { useMemo, useState } from 'react';
import { fullName, type Person } from '../../domain/person';
import { setMe } from '../../storage/myself';
import { PersonPicker } from '../../ui/PersonPicker';
import { personOptions } from '../../ui/personOptions';
import { useMe } from '../../data/hooks';

/** «Я — …»: who uses this phone, so that their own pairs and groups come first. Kept on this device only. */
export function MeControl({ people, peopleById }: { people: readonly Person[]; peopleById: ReadonlyMap<string, Person> }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const options = useMemo(() => personOptions(people, 'mentor'), [people]);
  if (me === undefined) return null;
  const person = me ? peopleById.get(me) : undefined;

  if (editing)
    return (
      <div className="me-control me-editing">
        <PersonPicker
          label="Кто пользуется этим телефоном?"
          hint="Ваши пары и группы будут показаны первыми. Это хранится только на этом устройстве."
          options={options}
          value={me && person ? [me] : []}
          max={1}
          preferredHeading="Наставники"
          onChange={(ids) => {
            void setMe(ids[0] ?? null);
            if (ids.length) setEditing(false);
          }}
        />
        <div className="inline-actions">
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            Готово
          </button>
          {me && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                void setMe(null);
                setEditing(false);
              }}
            >
              Не указывать
            </button>
          )}
        </div>
      </div>
    );

  return (
    <p className="me-control">
      {person ? (
        <>
          Я — <strong>{fullName(person)}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label="Изменить, кто я">
            изменить
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Я — … (укажите себя, чтобы видеть свои пары первыми)
        </button>
      )}
    </p>
  );
}
