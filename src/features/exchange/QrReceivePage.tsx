import { useEffect, useRef, useState } from 'react';
import type QrScanner from 'qr-scanner';
import { FountainDecoder } from '../../domain/handoff/fountain';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { BundleImport, importSummary } from '../../ui/BundleImport';

type Camera = { state: 'off' } | { state: 'starting' } | { state: 'on'; torch: boolean } | { state: 'failed'; message: string };

const IGNORED: Record<string, string> = {
  foreign: 'Это QR-код другой программы, а не «Наставника». Наведите камеру на коды на экране другого телефона.',
  newer: 'Коды сделаны более новой версией приложения. Обновите приложение на этом телефоне.',
  otherTransfer: 'Другой телефон начал новую передачу. Нажмите «Начать заново».',
};

function cameraMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : typeof e === 'string' ? e : '';
  if (name === 'NotAllowedError' || /denied|permission/i.test(String(e)))
    return 'Доступ к камере запрещён. Разрешите его для этого приложения в настройках браузера — или выберите файл ниже.';
  if (name === 'NotFoundError' || /no camera/i.test(String(e))) return 'Камера не найдена. Выберите файл обмена ниже.';
  if (name === 'NotReadableError') return 'Камера занята другой программой. Закройте её и попробуйте снова.';
  return `Камеру включить не удалось (${String(e instanceof Error ? e.message : e)}). Выберите файл обмена ниже.`;
}

/**
 * «Принять по QR»: the camera reads the codes another phone shows; a bar fills as parts arrive; then the usual
 * preview and «Применить», through the same gate as a file. The manual way (a file) is always below.
 */
export function QrReceivePage() {
  const show = useToasts((s) => s.show);
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<QrScanner | null>(null);
  const decoder = useRef(new FountainDecoder());
  const [camera, setCamera] = useState<Camera>({ state: 'off' });
  const [progress, setProgress] = useState<{ solved: number; fragments: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [file, setFile] = useState<File | undefined>(undefined);

  const stop = () => {
    scanner.current?.destroy();
    scanner.current = null;
  };
  useEffect(() => stop, []);

  const onCode = (text: string) => {
    const r = decoder.current.receive(text);
    if (r.kind === 'progress') {
      setNotice(null);
      setProgress({ solved: r.solved, fragments: r.fragments });
    } else if (r.kind === 'done') {
      stop();
      setCamera({ state: 'off' });
      setProgress(null);
      setFile(new File([r.message as Uint8Array<ArrayBuffer>], 'qr.nastavnik', { type: 'application/octet-stream' }));
    } else if (IGNORED[r.reason]) setNotice(IGNORED[r.reason]!);
  };

  const start = async () => {
    setCamera({ state: 'starting' });
    setNotice(null);
    try {
      const { default: Scanner } = await import('qr-scanner');
      if (!(await Scanner.hasCamera())) throw new DOMException('no camera', 'NotFoundError');
      const s = new Scanner(video.current!, (res) => onCode(res.data), {
        returnDetailedScanResult: true,
        preferredCamera: 'environment',
        maxScansPerSecond: 15,
        // the whole picture, at up to 1280 px: the codes are dense and fill the frame
        calculateScanRegion: (v) => {
          const w = v.videoWidth || 640;
          const h = v.videoHeight || 480;
          const scale = Math.min(1, 1280 / Math.max(w, h));
          return { x: 0, y: 0, width: w, height: h, downScaledWidth: Math.round(w * scale), downScaledHeight: Math.round(h * scale) };
        },
      });
      scanner.current = s;
      await s.start();
      setCamera({ state: 'on', torch: await s.hasFlash().catch(() => false) });
    } catch (e) {
      stop();
      setCamera({ state: 'failed', message: cameraMessage(e) });
    }
  };

  const restart = () => {
    decoder.current.reset();
    setProgress(null);
    setNotice(null);
    setFile(undefined);
  };

  return (
    <Page title="Принять по QR" backTo="/exchange">
      {!file && (
        <section className="card-section" aria-labelledby="cam-h">
          <h2 id="cam-h">Камера</h2>
          <p className="muted">
            На другом телефоне откройте «Обмен → Передать по QR» и наведите на его экран камеру этого телефона. Камера нужна только чтобы
            прочитать коды: изображение никуда не передаётся и не сохраняется.
          </p>
          <video ref={video} className="qr-video" muted playsInline hidden={camera.state !== 'on' && camera.state !== 'starting'} aria-label="Изображение с камеры" />
          {progress && (
            <div className="field">
              <label htmlFor="qr-progress">Принято частей: {progress.solved} из {progress.fragments}</label>
              <progress id="qr-progress" max={progress.fragments} value={progress.solved} data-testid="qr-progress" />
            </div>
          )}
          {notice && (
            <p className="notice notice-warn" role="status">
              {notice}
            </p>
          )}
          {camera.state === 'failed' && (
            <p className="notice notice-error" role="alert">
              {camera.message}
            </p>
          )}
          <div className="button-row">
            {camera.state === 'on' ? (
              <>
                {camera.torch && (
                  <button type="button" className="button" onClick={() => void scanner.current?.toggleFlash()}>
                    Фонарик
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    stop();
                    setCamera({ state: 'off' });
                  }}
                >
                  Выключить камеру
                </button>
              </>
            ) : (
              <button type="button" className="button button-primary" disabled={camera.state === 'starting'} onClick={() => void start()}>
                Включить камеру
              </button>
            )}
            {progress && (
              <button type="button" className="button" onClick={restart}>
                Начать заново
              </button>
            )}
          </div>
        </section>
      )}
      <section className="card-section" aria-labelledby="qr-file-h">
        <h2 id="qr-file-h">{file ? 'Коды приняты' : 'Или выберите файл'}</h2>
        <BundleImport
          initialFile={file}
          onImported={(r) => {
            show(`Импортировано: ${importSummary(r)}`);
            restart();
          }}
        />
      </section>
    </Page>
  );
}
