import { useEffect, useId, useMemo, useState } from 'react';
import { renderSVG } from 'uqr';
import { fountainEncoder, type FountainEncoder } from '../../domain/handoff/fountain';
import { MIN_PASSPHRASE } from '../../domain/bundle/exportForm';
import { formatBytes, plural } from '../../domain/text';
import { usePeers } from '../../data/exchange';
import { ActionForm } from '../../ui/ActionForm';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { makeExportFile, noteExport, type ExportedFile } from '../../storage/bundle/exportFile';
import { failureReason } from '../../ui/unexpectedErrors';

/** Codes a second: slow enough for a budget phone's camera to catch each, fast enough for a week's changes in seconds. */
const FPS = 6;

/**
 * «Передать по QR»: this device's changes (or everything) as QR codes on its screen, for another phone's camera —
 * no network, no cable. One code when it fits, else an endless fountain of codes, any of which help.
 */
export function QrSendPage() {
  const id = useId();
  const show = useToasts((s) => s.show);
  const peers = usePeers();
  const [peer, setPeer] = useState<string | null>(null);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<{ file: ExportedFile; enc: FountainEncoder } | null>(null);
  const chosenPeer = peer ?? peers?.[0]?.id ?? '';

  const start = async () => {
    setError(null);
    if (encrypt && passphrase.length < MIN_PASSPHRASE) {
      setError(`Парольная фраза: не короче ${MIN_PASSPHRASE} символов`);
      return;
    }
    try {
      const file = await makeExportFile({ kind: 'school' }, encrypt ? passphrase : '', false, chosenPeer || undefined);
      setSending({ file, enc: fountainEncoder(file.bytes) });
    } catch (e) {
      setError(`Коды не собраны: ${failureReason(e)}`);
    }
  };

  const finish = async () => {
    if (sending) await noteExport(sending.file);
    setSending(null);
    setPassphrase('');
    show('Передача записана в историю обмена');
  };

  return (
    <Page title="Передать по QR" backTo="/exchange">
      {!sending ? (
        <ActionForm className="form" onSubmit={start}>
          <p className="muted">
            Другой телефон откроет «Обмен → Принять по QR» и наведёт камеру на этот экран. Сеть не нужна. Коды сменяют друг друга; держите
            телефоны неподвижно, пока на другом не заполнится полоса.
          </p>
          {peers && peers.length > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-peer`}>Кому</label>
              <select id={`${id}-peer`} value={chosenPeer} onChange={(e) => setPeer(e.target.value)} aria-describedby={`${id}-peer-hint`}>
                {peers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name || `устройство ${p.id.slice(0, 6)}`} — только новое для него
                  </option>
                ))}
                <option value="">Новому устройству — всё</option>
              </select>
              <p className="field-hint" id={`${id}-peer-hint`}>
                «Только новое» — то, чего на том устройстве ещё нет по его последним файлам. Обычно это один-два кода.
              </p>
            </div>
          ) : (
            <p>Этому устройству ещё никто не присылал файлов, поэтому передаётся всё, что на нём есть.</p>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} /> Зашифровать парольной фразой — код на экране
            можно сфотографировать
          </label>
          {encrypt && (
            <div className={`field${error ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-pass`}>Парольная фраза</label>
              <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            </div>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary">
              Показать коды
            </button>
          </div>
        </ActionForm>
      ) : (
        <QrLoop file={sending.file} enc={sending.enc} onDone={() => void finish()} onCancel={() => setSending(null)} />
      )}
    </Page>
  );
}

function QrLoop({ file, enc, onDone, onCancel }: { file: ExportedFile; enc: FountainEncoder; onDone: () => void; onCancel: () => void }) {
  const [seq, setSeq] = useState(1);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (enc.fragments === 1 || paused) return;
    const t = setInterval(() => setSeq((n) => n + 1), 1000 / FPS);
    return () => clearInterval(t);
  }, [enc, paused]);
  const svg = useMemo(() => renderSVG(enc.frame(seq), { ecc: 'L', border: 3 }), [enc, seq]);
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return (
    <section className="qr-send" aria-labelledby="qr-h">
      <h2 id="qr-h" className="visually-hidden">
        Коды для камеры
      </h2>
      <img className="qr-code" src={src} alt={enc.fragments === 1 ? 'QR-код с данными' : `QR-код ${seq}`} data-testid="qr-code" data-seq={seq} />
      <p role="status" data-testid="qr-status">
        {enc.fragments === 1
          ? `Один код: ${plural(file.records, { one: 'запись', few: 'записи', many: 'записей' })}, ${formatBytes(file.bytes.length)}.`
          : `Частей: ${enc.fragments}; ${plural(file.records, { one: 'запись', few: 'записи', many: 'записей' })}, ${formatBytes(file.bytes.length)}. Другому телефону хватит любых ${enc.fragments}–${Math.ceil(enc.fragments * 1.3)} кодов.`}
        {file.encoding === 'encrypted' ? ' Зашифровано.' : ''}
      </p>
      <div className="button-row">
        {enc.fragments > 1 && (
          <button type="button" className="button" onClick={() => setPaused(!paused)}>
            {paused ? 'Продолжить' : 'Пауза'}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onDone}>
          Готово, приняли
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </section>
  );
}
