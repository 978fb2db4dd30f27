/** Fields several tables share, with one wording of their Russian messages (the schemas of ./<name>.schema.ts). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';

/** A date that may be left empty: '' or a valid YYYY-MM-DD. */
export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isValidIsoDate(s), `${label}: неверная дата`);

export const phoneField = () =>
  z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || /^\+?[\d\s()-]{5,20}$/.test(s), 'Телефон: только цифры, пробелы, скобки, дефис и +');

export const emailField = () =>
  z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || z.email().safeParse(s).success, 'Электронная почта: неверный адрес');
