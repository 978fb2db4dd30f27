/**
 * Russian full names in the grammatical case a sentence of an order, letter or form needs: «возложить на Иванову
 * Марию Сергеевну», «несовершеннолетней Семёновой Анны Петровны».
 *
 * The rules are those of `lvovich` (a maintained TypeScript fork of petrovich: exceptions and suffix rules for surnames,
 * first names and patronymics, indeclinable -ых/-их, -ко, -аго, -швили, female surnames on a consonant and so on).
 * This module decides what the library cannot: which word is which, the person's gender, and when to leave a name as
 * typed. Imported only by the document modules (orders, consents), so it stays out of the app's entry chunk.
 */
import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich/lib/incline';
import { getFirstnameGender, getLastnameGender, getMiddlenameGender } from 'lvovich/lib/gender';

export type GrammaticalCase = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
export type Gender = 'male' | 'female';

/** A word of a name: Cyrillic letters, maybe hyphenated («Римский-Корсаков», «Анна-Мария»). */
const WORD = /^[а-яё]+(?:-[а-яё]+)*$/i;
/** «М.», «М.П.»: initials are never declined. */
const INITIALS = /^(?:[а-яё]\.)+$/i;
/** The second word of a Turkic patronymic: «Гейдар оглы», «Рашид кызы»; the pair stays as it is. */
const TURKIC_MALE = new Set(['оглы', 'улы', 'уулу']);
const TURKIC_FEMALE = new Set(['кызы', 'гызы', 'кизи']);

interface ParsedName {
  last: string;
  first: string;
  /** '' when there is none; a Turkic patronymic is kept whole and not declined. */
  middle: string;
  middleDeclines: boolean;
  /** «Иванова М. П.» / «М. П. Иванова»: only the surname is a word. */
  initials: { before: string[]; after: string[] } | null;
}

function parse(name: string): ParsedName | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const initials = words.filter((w) => INITIALS.test(w));
  if (initials.length) {
    const rest = words.filter((w) => !INITIALS.test(w));
    if (rest.length !== 1 || !WORD.test(rest[0]!)) return null;
    const at = words.indexOf(rest[0]!);
    // The surname comes first or last, never between initials.
    if (at !== 0 && at !== words.length - 1) return null;
    return { last: rest[0]!, first: '', middle: '', middleDeclines: false, initials: { before: words.slice(0, at), after: words.slice(at + 1) } };
  }
  if (!words.every((w) => WORD.test(w))) return null;
  const [last = '', first = '', ...rest] = words;
  if (rest.length <= 1) return { last, first, middle: rest[0] ?? '', middleDeclines: true, initials: null };
  const tail = rest[rest.length - 1]!.toLowerCase();
  if (rest.length === 2 && (TURKIC_MALE.has(tail) || TURKIC_FEMALE.has(tail)))
    return { last, first, middle: rest.join(' '), middleDeclines: false, initials: null };
  return null;
}

const definite = (g: string | null): Gender | null => (g === 'male' || g === 'female' ? g : null);
const lower = (s: string) => s.toLocaleLowerCase('ru-RU');

function genderOf(p: ParsedName): Gender | null {
  if (p.middle) {
    const tail = lower(p.middle.split(' ').pop()!);
    if (TURKIC_MALE.has(tail)) return 'male';
    if (TURKIC_FEMALE.has(tail)) return 'female';
    const byMiddle = definite(getMiddlenameGender(lower(p.middle)));
    if (byMiddle) return byMiddle;
  }
  if (p.first) {
    const byFirst = definite(getFirstnameGender(lower(p.first)));
    if (byFirst) return byFirst;
  }
  // Without a patronymic or a telling first name the surname decides, but only a telling one: «Иванова», «Толстой»;
  // «Ковальчук», «Шевченко» or «Черных» say nothing.
  return definite(getLastnameGender(lower(p.last)));
}

/** The gender a full name tells («Фамилия Имя Отчество»): by the patronymic, then the first name, then the surname. */
export function genderOfName(fullName: string): Gender | null {
  const p = parse(fullName);
  return p ? genderOf(p) : null;
}

/**
 * Declines a word keeping how it was written: the library knows «Семёнова», not «СЕМЁНОВА»; a word in capitals is
 * declined in lower case and given back in capitals.
 */
function keepingCase(word: string, decline: (w: string) => string): string {
  const allCaps = word.length > 1 && word === word.toLocaleUpperCase('ru-RU') && word !== lower(word);
  if (!allCaps) return decline(word);
  const titled = word
    .split('-')
    .map((part) => part.charAt(0) + lower(part.slice(1)))
    .join('-');
  return decline(titled).toLocaleUpperCase('ru-RU');
}

/**
 * «Иванова Мария Сергеевна», 'accusative' → «Иванову Марию Сергеевну». Takes «Фамилия Имя Отчество», «Фамилия Имя»,
 * «Фамилия И. О.» or «И. О. Фамилия» in the nominative. The gender comes from the name itself; when it cannot be told,
 * or the text is not a name the rules know how to read, the name is given back as typed: better unchanged than
 * nonsense in a signed document.
 */
export function declineFullName(fullName: string, grammaticalCase: GrammaticalCase): string {
  const typed = fullName.trim().replace(/\s+/g, ' ');
  const p = parse(typed);
  if (!p) return typed;
  const gender = genderOf(p);
  if (!gender) return typed;
  const last = keepingCase(p.last, (w) => inclineLastname(w, grammaticalCase, gender));
  if (p.initials) return [...p.initials.before, last, ...p.initials.after].join(' ');
  const first = p.first ? keepingCase(p.first, (w) => inclineFirstname(w, grammaticalCase, gender)) : '';
  const middle = p.middle && p.middleDeclines ? keepingCase(p.middle, (w) => inclineMiddlename(w, grammaticalCase, gender)) : p.middle;
  return [last, first, middle].filter(Boolean).join(' ');
}
