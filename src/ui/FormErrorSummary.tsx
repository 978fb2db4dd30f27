import { useLayoutEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { t } from '../i18n/ru';

export interface FieldMessage {
  /** The form's path of the field: `lastName`, `questions.2.text`, `root.record`. */
  path: string;
  message: string;
  /** The element react-hook-form registered for the field, if any. */
  ref?: unknown;
}

/** Every message in react-hook-form's (possibly nested) errors, one per field. */
export function errorMessages(errors: FieldErrors<FieldValues>): FieldMessage[] {
  const out: FieldMessage[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.message === 'string' && n.message) {
      out.push({ path, message: n.message, ref: n.ref });
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'ref' && k !== 'type' && k !== 'types') walk(v, path ? `${path}.${k}` : k);
  };
  walk(errors, '');
  return out;
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * The field a message belongs to, in the form: a container marked `data-field="<path>"` (pickers, groups the form
 * draws itself), else the element react-hook-form registered, else the control named so.
 */
function findField(form: HTMLFormElement, m: FieldMessage): { target: HTMLElement; label: string } | null {
  const box = [...form.querySelectorAll<HTMLElement>('[data-field]')].find((el) => el.dataset.field === m.path);
  if (box) {
    const target = box.matches(FOCUSABLE) ? box : box.querySelector<HTMLElement>(FOCUSABLE);
    const label = box.dataset.label ?? box.querySelector('legend, label')?.textContent ?? target?.getAttribute('aria-label') ?? '';
    return target ? { target, label: clean(label) } : null;
  }
  const ref = m.ref instanceof HTMLElement && form.contains(m.ref) ? m.ref : null;
  const named = form.elements.namedItem(m.path);
  const el = ref ?? (named instanceof RadioNodeList ? named[0] : named);
  if (!(el instanceof HTMLElement)) return null;
  const group = el.closest('fieldset')?.querySelector('legend')?.textContent;
  const own = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label');
  const choice = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
  return { target: el, label: clean((choice ? group : own) ?? own ?? group ?? '') };
}

/** «Фамилия *» → «Фамилия». */
const clean = (s: string) => s.replace(/\s*\*\s*$/, '').replace(/\s+/g, ' ').trim();

/**
 * The one error summary of every form, at its foot above the buttons: «Проверьте поля, отмеченные красным.» and
 * each field's message with the field's label, as a button that brings the field into view and focuses it. The
 * messages under the fields stay; this list is for a long form on a phone, where the first error is screens above.
 * `title` replaces the first line where the domain words the form's problems itself (the questionnaire's answers).
 */
export function FormErrorSummary({
  errors,
  title = 'Проверьте поля, отмеченные красным.',
  list = true,
  className,
}: {
  errors: FieldErrors<FieldValues>;
  title?: string;
  /** false: the first line only (a form in a sticky bar that focuses its first problem itself). */
  list?: boolean;
  className?: string;
}) {
  const messages = errorMessages(errors);
  const ref = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<{ key: string; rows: { m: FieldMessage; target: HTMLElement | null; label: string }[] }>({ key: '', rows: [] });
  const key = messages.map((m) => `${m.path}\u0000${m.message}`).join('\u0001');

  // Labels and targets are read from the rendered form, in its order (the domain's order of checks is not the page's).
  useLayoutEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return setFound({ key, rows: messages.map((m) => ({ m, target: null, label: '' })) });
    const rows = messages.map((m) => {
      const f = findField(form, m);
      return { m, target: f?.target ?? null, label: f?.label ?? '' };
    });
    rows.sort((a, b) => (a.target && b.target ? (a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.target ? -1 : b.target ? 1 : 0));
    setFound({ key, rows });
    // `key` stands for `messages`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!messages.length) return null;
  const rows = found.key === key ? found.rows : messages.map((m) => ({ m, target: null, label: '' }));
  // A message that names its field already («Учебный год: в виде 2025/2026») goes without the label.
  const line = (label: string, message: string) => (label && !/^[^:]{1,40}: /.test(message) ? `${label}: ${message}` : message);
  return (
    <div className={`form-error-summary${className ? ` ${className}` : ''}`} ref={ref}>
      <p className="form-error" role="alert">
        {title}
      </p>
      {list && (
        <ul aria-label="Ошибки в форме">
          {rows.map(({ m, target, label }) => (
            <li key={m.path}>
              {target ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    target.scrollIntoView?.({ block: 'center' });
                    target.focus({ preventScroll: true });
                  }}
                >
                  {line(label, m.message)}
                </button>
              ) : (
                line(label, m.message)
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The foot of a page form: the error summary, then «Отмена» and the submit button (disabled while saving), in the
 * sticky bar every form page has.
 */
export function FormFooter({
  errors,
  onCancel,
  submitting,
  submitLabel = t.actions.save,
}: {
  errors: FieldErrors<FieldValues>;
  onCancel: () => void;
  submitting: boolean;
  submitLabel?: string;
}) {
  return (
    <>
      <FormErrorSummary errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t.actions.cancel}
        </button>
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
