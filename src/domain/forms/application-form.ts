import { z } from 'zod';
import { CHANNELS, FORM_TYPES, STAGES } from '../enrolment';
import { parseResidentId } from '../resident-id';
import { addRuleIssue, isoDate, mobileNumber, personName, residentIdNumber } from './primitives';

/**
 * The application form as the walking skeleton accepts it: the common core of Forms A and B
 * (DESIGN.md §4). Unknown fields are rejected, never silently stored.
 */
const child = z
  .strictObject({
    name: personName.describe('Child name (姓名), Chinese characters; · for ethnic names'),
    idNumber: residentIdNumber.describe('18-character resident ID number (居民身份证号码)'),
    birthDate: isoDate.describe('Birth date, YYYY-MM-DD; must agree with the ID number'),
    gender: z.enum(['MALE', 'FEMALE']).describe('Gender; must agree with the ID number'),
  })
  .superRefine((value, ctx) => {
    const parsed = parseResidentId(value.idNumber);
    if (!parsed.ok) return;
    if (parsed.value.birthDate !== value.birthDate) {
      addRuleIssue(ctx, 'ID_BIRTH_DATE_MISMATCH', ['birthDate'], value.birthDate);
    }
    if (parsed.value.gender !== value.gender) {
      addRuleIssue(ctx, 'ID_GENDER_MISMATCH', ['gender'], value.gender);
    }
  });

const guardian = z.strictObject({
  name: personName.describe('Guardian name'),
  mobile: mobileNumber.describe('Mainland mobile number, 11 digits'),
});

export const applicationFormSchema = z.strictObject({
  seasonYear: z.number().int().min(2024).max(2100).describe('Season (enrolment year), e.g. 2026'),
  stage: z.enum(STAGES).describe('PRIMARY_1 (幼升小) or JUNIOR_1 (小升初)'),
  countyCode: z
    .string()
    .regex(/^45\d{4}$/)
    .describe('GB/T 2260 code of the Guangxi county or district applied to'),
  formType: z.enum(FORM_TYPES).describe('A: 户籍类 (local hukou); B: 随迁子女 (non-local)'),
  channel: z.enum(CHANNELS).describe('Entry channel'),
  child,
  guardian,
  consent: z.strictObject({
    dataVerification: z
      .boolean()
      .superRefine((given, ctx) => {
        if (!given) addRuleIssue(ctx, 'CONSENT_REQUIRED');
      })
      .describe('Consent to verification against department data; must be true'),
  }),
});

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
