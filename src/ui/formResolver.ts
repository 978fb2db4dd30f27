import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors } from '../domain/zodErrors';

/**
 * A react-hook-form resolver that converts the form's text values to the domain's input (`toInput`) and validates
 * with the domain's zod schema, so a form shows exactly the messages the domain defines, under each field.
 */
export function domainResolver<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: TForm) => unknown,
): Resolver<TForm, unknown, z.output<S>> {
  return async (values) => {
    const r = schema.safeParse(toInput(values));
    if (r.success) return { values: r.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [path, message] of Object.entries(fieldErrors(r.error))) {
      errors[path.split('.')[0]!] ??= { type: 'validation', message };
    }
    return { values: {}, errors: errors as FieldErrors<TForm> };
  };
}

/** «чтение, шахматы,  химия» → ['чтение', 'шахматы', 'химия']. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}
