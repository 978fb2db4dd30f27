import { Link } from 'react-router';
import { erasedCardText } from '../../domain/erasureRequest';
import type { PersonErasure } from '../../data/erasure';

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
