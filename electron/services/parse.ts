// Validation at a service boundary: parse or throw an AppError naming each field.
import type { z } from 'zod';
import { invalid } from './errors';

export function parseOr<T extends z.ZodType>(schema: T, value: unknown, what: string, prefix = ''): z.infer<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw invalid(r.error, what, prefix);
  return r.data;
}
