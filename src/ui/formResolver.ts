import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { RecordRejected } from '../domain/recordRules';
import { fieldErrors } from '../domain/zodErrors';

/** Where a domain message goes in the form: `interests.2` → `interests` (the field that holds the list). */
export const firstSegment = (path: string) => path.split('.')[0]!;

/**
 * The domain's flat messages (`title`, `questions.2.text`) as react-hook-form's nested errors, each under the form
 * path `fieldOf` gives it (the first message per path wins).
 */
export function toFormErrors<TForm extends FieldValues>(flat: Record<string, string>, fieldOf: (path: string) => string = firstSegment, type = 'validation'): FieldErrors<TForm> {
  const out: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = fieldOf(path).split('.');
    let node = out as Record<string, unknown>;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) {
        node[k] ??= { type, message };
        return;
      }
      node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
      node = node[k] as Record<string, unknown>;
    });
  }
  return out as FieldErrors<TForm>;
}

/**
 * A react-hook-form resolver that converts the form's text values to the domain's input (`toInput`) and validates
 * with the domain's zod schema, so a form shows exactly the messages the domain defines, under each field.
 * `check` adds the domain's messages that are not the schema's (say, a questionnaire's required answers);
 * `fieldOf` puts a message under a nested field instead of the first segment of its path.
 */
export function domainResolver<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: TForm) => unknown,
  options: { fieldOf?: (path: string) => string; check?: (values: TForm) => Record<string, string> } = {},
): Resolver<TForm, unknown, z.output<S>> {
  return async (values) => {
    const r = schema.safeParse(toInput(values));
    const extra = options.check?.(values) ?? {};
    if (r.success && !Object.keys(extra).length) return { values: r.data, errors: {} };
    const flat = { ...(r.success ? {} : fieldErrors(r.error)), ...extra };
    return { values: {}, errors: toFormErrors<TForm>(flat, options.fieldOf) };
  };
}

/**
 * A resolver whose schema loads on first use (`load` imports the schema module): a form on a first screen — the
 * wizard of a new phone — renders without zod, which comes when the user starts filling it in (`preload`, on the
 * form's first focus) or at the latest when it is validated (issue 14).
 */
export function lazyResolver<TForm extends FieldValues, TOut>(
  load: () => Promise<Resolver<TForm, unknown, TOut>>,
): Resolver<TForm, unknown, TOut> & { preload: () => void } {
  let loading: Promise<Resolver<TForm, unknown, TOut>> | undefined;
  const get = () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
  const resolver = (async (values, context, options) => (await get())(values, context, options)) as Resolver<TForm, unknown, TOut>;
  return Object.assign(resolver, { preload: () => void get().catch(() => undefined) });
}

/** What `writeOrShowRefusal` returns when the storage layer refused the write. */
export const REFUSED: unique symbol = Symbol('refused');

/**
 * Runs a form's write. A write the storage layer refuses (`RecordRejected`, a Russian message per field) shows its
 * messages under the form's fields and in its error summary, like the form's own validation, and returns REFUSED;
 * any other error goes on up.
 */
export async function writeOrShowRefusal<TForm extends FieldValues, R>(
  setError: UseFormSetError<TForm>,
  write: () => Promise<R>,
  fieldOf: (path: string) => string = firstSegment,
): Promise<R | typeof REFUSED> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof RecordRejected)) throw e;
    for (const [path, message] of Object.entries(e.errors)) setError(fieldOf(path) as Path<TForm>, { type: 'rejected', message });
    return REFUSED;
  }
}

/** «чтение, шахматы,  химия» → ['чтение', 'шахматы', 'химия']. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}
