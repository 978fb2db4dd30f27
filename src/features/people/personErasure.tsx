import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Erasure } from '../../domain/erasure';
import type { ErasureActInput } from '../../domain/erasureAct';
import { erasedCardText } from '../../domain/erasureRequest';
import { getDb } from '../../storage/db';
import { erasureOf, listErasureLog } from '../../storage/erasure';

export interface PersonErasure {
  erasure: Erasure;
  /** This device's log line of it, if it logged one (and the three years have not passed): the act is made from it. */
  entry: ErasureActInput | null;
}

/** Whether this person's data has been destroyed: `undefined` while reading, `null` when it has not. */
export function usePersonErasure(personId: string): PersonErasure | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const erasure = await erasureOf(db, personId);
    if (!erasure || erasure.deleted) return null;
    const entry = (await listErasureLog(db)).find((l) => l.personId === personId) ?? null;
    return { erasure, entry };
  }, [personId]);
}

/** What an erased person's card says instead of their data: when, why, and the act. */
export function ErasedNotice({ erased }: { erased: PersonErasure }) {
  return (
    <div className="notice" role="note" data-testid="erased-notice">
      <p>{erasedCardText(erased.erasure)}</p>
      <p>
        {erased.entry ? (
          <Link to={`/erasures/${erased.entry.id}/act`} state={{ entry: erased.entry }}>
            Акт об уничтожении персональных данных
          </Link>
        ) : (
          'Акт составлен на устройстве, где данные уничтожили.'
        )}{' '}
        · <Link to="/erasures">Журнал уничтожения</Link>
      </p>
      <p className="muted">Остались только обезличенные сведения для мониторинга: категория, класс, роль, пары и встречи.</p>
    </div>
  );
}
