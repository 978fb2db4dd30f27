import { useId, type ReactNode } from 'react';

interface Props {
  legend: string;
  /** Ids that can be ticked, in their order; the «Отметить все» button ticks them all. */
  all: readonly string[];
  ticked: readonly string[];
  onChange: (ids: string[]) => void;
  /** What to show when there is nothing to tick. */
  empty: ReactNode;
  error?: string;
  /** The `<li>`s, one per id. */
  children: ReactNode;
}

/** What an order covers, as a fieldset of checkboxes with a count, «Отметить все» and the field's error. */
export function ChecklistField({ legend, all, ticked, onChange, empty, error, children }: Props) {
  const id = useId();
  const everything = ticked.length === all.length;
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {all.length === 0 ? (
        empty
      ) : (
        <>
          <div className="checklist-tools">
            <span className="muted" aria-live="polite">
              Отмечено: {ticked.length} из {all.length}
            </span>
            <button type="button" className="link-button" onClick={() => onChange(everything ? [] : [...all])}>
              {everything ? 'Снять все' : 'Отметить все'}
            </button>
          </div>
          <ul className="list checklist">{children}</ul>
        </>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
