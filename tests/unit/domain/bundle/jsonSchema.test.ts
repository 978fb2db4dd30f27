import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleJsonSchema } from '../../../../src/domain/bundle/schema';

/**
 * docs/bundle.schema.json is generated from the zod schemas. After changing them, regenerate it with
 * `UPDATE_BUNDLE_SCHEMA=1 npx vitest run tests/unit/domain/bundle/jsonSchema.test.ts` and commit the file.
 */
const FILE = new URL('../../../../docs/bundle.schema.json', import.meta.url);

describe('docs/bundle.schema.json', () => {
  const fresh = `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
  it('is the JSON Schema of the current zod schemas', () => {
    if (process.env.UPDATE_BUNDLE_SCHEMA === '1') writeFileSync(FILE, fresh);
    expect(existsSync(FILE), 'запустите с UPDATE_BUNDLE_SCHEMA=1').toBe(true);
    expect(readFileSync(FILE, 'utf8')).toBe(fresh);
  });
  it('describes every table and keeps unknown fields allowed', () => {
    const schema = JSON.parse(fresh) as { properties: { tables: { properties: Record<string, unknown>; additionalProperties: unknown } } };
    expect(Object.keys(schema.properties.tables.properties)).toContain('people');
    expect(schema.properties.tables.additionalProperties).toEqual({});
  });
});
