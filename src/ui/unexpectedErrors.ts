import { userMessage } from '../domain/errors';
import { useToasts } from './toastStore';

/** The Russian sentence for a failed action that nothing else caught: what failed, and that nothing was half-written. */
export function unexpectedErrorMessage(reason: unknown): string {
  // Our own refusals (AppError, a record refused by its rules) are Russian sentences meant for the user; anything
  // else (a fault, a browser's or a library's error) is not shown raw.
  const ours = userMessage(reason)?.replace(/[.\s]+$/, '') ?? '';
  return ours
    ? `Не получилось: ${ours}. Ничего не изменилось — попробуйте ещё раз.`
    : 'Не получилось выполнить действие. Ничего не изменилось — попробуйте ещё раз; если повторяется, сохраните резервную копию в «Обмене».';
}

/** The reason of a failure inside a sentence («Файл не сохранён: …»): our own refusal's words, or a plain phrase. */
export function failureReason(e: unknown): string {
  return userMessage(e) ?? 'непредвиденная ошибка приложения, попробуйте ещё раз';
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
