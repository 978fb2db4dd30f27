import { t } from '../i18n/ru';

/** «Восстановлен несохранённый черновик…» with the button that throws the draft away; `onDiscard` resets the form. */
export function DraftNotice({ restored, onDiscard, message = t.people.draftRestored }: { restored: boolean; onDiscard: () => void | Promise<void>; message?: string }) {
  if (!restored) return null;
  return (
    <div className="notice" role="status">
      {message}{' '}
      <button type="button" className="link-button" onClick={() => void onDiscard()}>
        {t.people.discardDraft}
      </button>
    </div>
  );
}
