import { describe, expect, it } from 'vitest';
import { bundleFileName } from '../../../../src/domain/bundle/fileName';

describe('bundle file names', () => {
  const header = { school: { id: 's', name: 'МБОУ «Школа № 14» г. Тверь' }, createdAt: '2025-10-01T09:30:00.000Z' };
  it('say the school, the scope and the date, with an extension per layer', () => {
    expect(bundleFileName({ ...header, scope: { kind: 'school' } }, 'gzip')).toBe('Наставник_МБОУ-Школа-14-г-Тверь_вся-школа_2025-10-01.json.gz');
    expect(bundleFileName({ ...header, scope: { kind: 'mentorships', mentorshipIds: ['a', 'b', 'c'] } }, 'encrypted')).toBe(
      'Наставник_МБОУ-Школа-14-г-Тверь_пары-3_2025-10-01.nastavnik',
    );
  });
  it('never carry path separators or an empty school', () => {
    const name = bundleFileName({ ...header, school: { id: 's', name: '../../etc/passwd' }, scope: { kind: 'school' } }, 'json');
    expect(name).toBe('Наставник_etc-passwd_вся-школа_2025-10-01.json');
    expect(bundleFileName({ ...header, school: { id: 's', name: '«»' }, scope: { kind: 'school' } }, 'json')).toContain('_школа_');
  });
});
