/**
 * The one typed error a user may read: an action refused for a reason the user can act on («Сначала заполните
 * сведения о школе», «План не найден» after another device deleted it). Its message is a finished Russian sentence;
 * any other thrown Error is a fault of the app and is shown as a plain «не получилось» without its text.
 * A record's fields refused by their rules are `RecordRejected` (src/domain/recordRules.ts), which carries a message
 * per field.
 */
export type AppErrorCode = 'notFound' | 'noSchool' | 'alreadyDone' | 'tooLarge' | 'notAllowed';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The message a user may read for whatever was thrown: ours (an AppError or a refused record), or null. */
export function userMessage(e: unknown): string | null {
  if (e instanceof AppError) return e.message;
  if (e instanceof Error && e.name === 'RecordRejected') return e.message;
  return null;
}
