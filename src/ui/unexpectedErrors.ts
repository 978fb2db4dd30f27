import { useToasts } from './toastStore';

/** The Russian sentence for a failed action that nothing else caught: what failed, and that nothing was half-written. */
export function unexpectedErrorMessage(reason: unknown): string {
  const text = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
  // Messages of our own write path and rules are Russian sentences; anything else (a browser's or a library's) is not
  // shown raw to the user.
  const russian = /[А-Яа-яЁё]/.test(text) ? text.replace(/[.\s]+$/, '') : '';
  return russian
    ? `Не получилось: ${russian}. Ничего не изменилось — попробуйте ещё раз.`
    : 'Не получилось выполнить действие. Ничего не изменилось — попробуйте ещё раз; если повторяется, сохраните резервную копию в «Обмене».';
}

/**
 * The last catch for a promise nobody awaited (a tap whose save failed): instead of nothing happening, the user reads
 * what went wrong. Every write is one transaction, so a failed one has left the data as it was.
 */
export function listenForUnexpectedErrors(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('unhandledrejection', (event) => {
    const e = event as PromiseRejectionEvent;
    console.error(e.reason);
    useToasts.getState().show(unexpectedErrorMessage(e.reason), { label: 'Закрыть', run: () => undefined });
  });
}
