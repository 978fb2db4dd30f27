import { useInstall, useInstallView } from '../../ui/installStore';

/**
 * «Установка на телефон»: installed, the browser's own dialog, Safari's «Поделиться → На экран „Домой“», or the
 * browser's menu — decided in src/domain/install.ts.
 */
export function InstallSection() {
  const view = useInstallView('settings');
  const promptInstall = useInstall((s) => s.promptInstall);
  const standalone = useInstall((s) => s.standalone || s.navigatorStandalone === true);
  return (
    <section aria-labelledby="install-h">
      <h2 id="install-h">Установка на телефон</h2>
      {view === 'installed' && (
        <>
          <p className="notice notice-ok" role="status">
            Приложение установлено
          </p>
          <p className="muted">
            {standalone
              ? 'Оно открывается со значка «Наставник» на главном экране и работает без интернета.'
              : 'Откройте его со значка «Наставник» на главном экране — там оно работает без интернета.'}{' '}
            На Android долгое нажатие на значок сразу открывает «Записать встречу» или «Обмен».
          </p>
        </>
      )}
      {view === 'prompt' && (
        <>
          <p>На главном экране появится значок «Наставник»: приложение будет открываться без адресной строки и работать без интернета.</p>
          <button type="button" className="button button-primary" onClick={() => void promptInstall()}>
            Установить на телефон
          </button>
        </>
      )}
      {view === 'ios-instructions' && (
        <>
          <p>На iPhone и iPad приложение ставится из Safari:</p>
          <ol data-testid="ios-install-steps">
            <li>
              нажмите «Поделиться» (квадрат со стрелкой вверх) внизу экрана;
            </li>
            <li>
              выберите «На экран „Домой“» и нажмите «Добавить».
            </li>
          </ol>
          <p className="muted">Коротко: «Поделиться → На экран „Домой“». Значок «Наставник» откроет приложение без интернета.</p>
        </>
      )}
      {view === 'browser-menu' && (
        <>
          <p>
            Откройте меню браузера (⋮ справа вверху) и выберите «Установить приложение» или «Добавить на главный экран».
          </p>
          <p className="muted">
            Если такого пункта нет, откройте этот адрес в Chrome или Яндекс Браузере на Android, в Safari на iPhone. Когда
            браузер разрешит установку, здесь появится кнопка «Установить на телефон».
          </p>
        </>
      )}
    </section>
  );
}
