import { z } from 'zod';

/** Query-string shapes shared by the list endpoints: everything arrives as text. */
export const countyCodeParam = z
  .string()
  .regex(/^\d{6}$/)
  .describe('A county code (6 digits) within your scope');

export const booleanParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .describe('true or false');
