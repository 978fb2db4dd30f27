import { useEffect } from 'react';
import { useInstall, useInstallView } from '../../ui/installStore';
import './InstallOffer.css';

/**
 * A small offer on the home page, only while the browser's own install dialog is available and the offer was not
 * dismissed in the last DISMISS_DAYS (src/domain/install.ts). The settings page explains every other case.
 */
export function InstallOffer() {
  const view = useInstallView('home');
  const promptInstall = useInstall((s) => s.promptInstall);
  const dismissOffer = useInstall((s) => s.dismissOffer);
  const loadDismissal = useInstall((s) => s.loadDismissal);
  useEffect(() => {
    void loadDismissal();
  }, [loadDismissal]);
  if (view !== 'prompt') return null;
  return (
    <section className="notice install-offer" aria-label="Установка на телефон" data-testid="install-offer">
      <div className="install-offer-text">Поставьте «Наставник» на главный экран: он будет открываться со значка и работать без интернета.</div>
      <button type="button" className="icon-button install-offer-close" aria-label="Не сейчас" title="Не сейчас" onClick={() => void dismissOffer()}>
        ×
      </button>
      <div className="install-offer-actions">
        <button type="button" className="button button-small button-primary" onClick={() => void promptInstall()}>
          Установить на телефон
        </button>
      </div>
    </section>
  );
}
