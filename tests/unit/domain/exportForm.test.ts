import { describe, expect, it } from 'vitest';
import { deviceNameSchema, exportFormSchema } from '../../../src/domain/bundle/exportForm';
import { fieldErrors } from '../../../src/domain/zodErrors';

const errorsOf = (input: unknown) => {
  const r = exportFormSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe('export form', () => {
  it('accepts the whole school without encryption', () => {
    expect(errorsOf({ scope: 'school', encrypt: false })).toEqual({});
  });
  it('asks for at least one pair when the scope is pairs', () => {
    expect(errorsOf({ scope: 'mentorships', mentorshipIds: [], encrypt: false })).toEqual({ mentorshipIds: 'Отметьте хотя бы одну пару или группу' });
    expect(errorsOf({ scope: 'mentorships', mentorshipIds: ['m1'], encrypt: false })).toEqual({});
  });
  it('insists on a passphrase of 8 or more characters, repeated the same, without edge spaces', () => {
    expect(errorsOf({ scope: 'school', encrypt: true, passphrase: 'коротко', confirm: 'коротко' })).toEqual({
      passphrase: 'Парольная фраза: не короче 8 символов',
    });
    expect(errorsOf({ scope: 'school', encrypt: true, passphrase: 'длинная фраза', confirm: 'длинная фраз' })).toEqual({
      confirm: 'Повтор не совпадает с парольной фразой',
    });
    expect(errorsOf({ scope: 'school', encrypt: true, passphrase: ' длинная фраза', confirm: ' длинная фраза' })).toEqual({
      passphrase: 'Парольная фраза: уберите пробелы в начале и в конце',
    });
    expect(errorsOf({ scope: 'school', encrypt: true, passphrase: 'длинная фраза', confirm: 'длинная фраза' })).toEqual({});
  });
  it('ignores the passphrase fields when not encrypting', () => {
    expect(errorsOf({ scope: 'school', encrypt: false, passphrase: 'x', confirm: 'y' })).toEqual({});
  });
});

describe('device name', () => {
  it('is trimmed, required and at most 60 characters', () => {
    expect(deviceNameSchema.parse('  Телефон куратора ')).toBe('Телефон куратора');
    expect(deviceNameSchema.safeParse('   ').success).toBe(false);
    expect(deviceNameSchema.safeParse('я'.repeat(61)).success).toBe(false);
  });
});
