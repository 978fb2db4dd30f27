import { describe, expect, it } from 'vitest';
import { sortPractices } from '../../../src/domain/practice';
import { practiceInputSchema } from '../../../src/domain/practice.schema';

describe('the register of best practices', () => {
  it('asks for a title, a description and the year, in Russian, and keeps up to ten authors', () => {
    const r = practiceInputSchema.safeParse({ title: ' ', description: '', academicYear: '2025' });
    expect(!r.success && r.error.issues.map((i) => i.message)).toEqual([
      'Укажите название практики',
      'Учебный год: в виде 2025/2026',
      'Опишите практику: что делали и как',
    ]);
    const many = practiceInputSchema.safeParse({ title: 'Т', description: 'О', academicYear: '2025/2026', authorIds: Array.from({ length: 11 }, (_, i) => `p${i}`) });
    expect(!many.success && many.error.issues[0]!.message).toBe('Авторы: не больше 10 человек');
    expect(practiceInputSchema.parse({ title: ' Проектная лаборатория ', description: 'Проекты', academicYear: '2025/2026' })).toEqual({
      title: 'Проектная лаборатория',
      formId: '',
      authorIds: [],
      academicYear: '2025/2026',
      description: 'Проекты',
      result: '',
    });
  });

  it('lists the newest year first, then by title in Russian order', () => {
    const p = (title: string, academicYear: string) => ({ title, academicYear });
    expect(sortPractices([p('Ёлка', '2025/2026'), p('Шахматы', '2024/2025'), p('Атлас', '2025/2026'), p('Ель', '2025/2026')]).map((x) => x.title)).toEqual([
      'Атлас',
      'Ёлка',
      'Ель',
      'Шахматы',
    ]);
  });
});
