import { useToasts } from './toastStore';

/**
 * The one short message, just above the bottom navigation (above a form's sticky Save bar when there is one: see styles.css).
 * Taps go through it to what is underneath; only its own action button («Вернуть») takes a tap.
 */
export function Toasts() {
  const { current: x, dismiss, hold, release } = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {x && (
        <div key={x.id} className="toast">
          <span>{x.text}</span>
          {x.action && (
            <button
              type="button"
              className="toast-action"
              onFocus={hold}
              onBlur={release}
              onClick={() => {
                x.action!.run();
                dismiss(x.id);
              }}
            >
              {x.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
