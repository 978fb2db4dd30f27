import type { FormHTMLAttributes } from 'react';

/**
 * A form whose submit runs `onSubmit` (sync or async) instead of navigating, with the browser's own validation
 * bubbles off: the app validates with zod and shows Russian messages under the fields.
 */
export function ActionForm({ onSubmit, className = 'form', children, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit: () => unknown }) {
  return (
    <form
      className={className}
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
