/** Lower-cases, folds ё → е and collapses white space, so that «Семёнова  АННА» finds «семенова анна». */
export function normalizeText(s: string): string {
  return s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Does `haystack` match the query? Every word of the query must occur somewhere in the text, in any order, so
 * «иван петров», «петров ив» and «ван» all find «Петров Иван Сергеевич». Both sides are normalised.
 */
export function matchesQuery(normalizedHaystack: string, query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  return words.every((w) => normalizedHaystack.includes(w));
}

/** Russian plural form: 1 → one, 2–4 → few, 5–20 → many, 21 → one. */
const pluralRules = new Intl.PluralRules('ru-RU');
/** «1 пара или группа», «2 пары или группы», «5 пар и групп». */
export const PAIRS_OR_GROUPS = { one: 'пара или группа', few: 'пары или группы', many: 'пар и групп' } as const;

export function plural(n: number, forms: { one: string; few: string; many: string }): string {
  const rule = pluralRules.select(n);
  const word = rule === 'one' ? forms.one : rule === 'few' ? forms.few : forms.many;
  return `${n} ${word}`;
}

/** A size as people read it: «512 Б», «3,4 КБ», «12,5 МБ». The one formatter of byte sizes. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} Б`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} КБ`;
  return `${(n / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}
