import { z } from 'zod';

/**
 * The departments' interfaces on the regional data-sharing exchange, as this service uses them:
 * one path, request and response schema per query. The simulator serves exactly these.
 */
const idNumber = z.string().regex(/^\d{17}[\dX]$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const found = <T extends z.ZodRawShape>(shape: T) =>
  z.object({
    code: z.literal('0'),
    data: z.discriminatedUnion('result', [
      z.object({ result: z.literal('FOUND'), ...shape }),
      z.object({ result: z.literal('NOT_FOUND') }),
    ]),
  });

export const DEPARTMENT_QUERIES = {
  identity: {
    path: '/api/gongan/v1/identity/verify',
    request: z.strictObject({ name: z.string().min(1).max(60), idNumber }),
    response: found({
      nameMatches: z.boolean(),
      record: z.object({
        name: z.string(),
        gender: z.enum(['MALE', 'FEMALE']),
        birthDate: date,
        divisionCode: z.string(),
        alive: z.boolean(),
      }),
    }),
  },
  household: {
    path: '/api/gongan/v1/household/query',
    request: z.strictObject({ idNumber }),
    response: found({
      household: z.object({
        householdNo: z.string(),
        divisionCode: z.string(),
        address: z.string(),
        catchmentUnit: z.string().nullable(),
        members: z.array(
          z.object({
            idNumber,
            name: z.string(),
            relationToHead: z.enum(['HEAD', 'SPOUSE', 'CHILD', 'GRANDCHILD', 'OTHER']),
            moveInDate: date,
          }),
        ),
      }),
    }),
  },
  residencePermit: {
    path: '/api/gongan/v1/residence-permit/query',
    request: z.strictObject({ idNumber }),
    response: found({
      permits: z.array(
        z.object({
          permitNo: z.string(),
          holderIdNumber: idNumber,
          holderName: z.string(),
          countyCode: z.string(),
          issueDate: date,
          expiryDate: date,
        }),
      ),
    }),
  },
  realEstate: {
    path: '/api/zrzy/v1/real-estate/query',
    request: z.strictObject({ certificateNo: z.string().min(1).max(64) }),
    response: found({
      property: z.object({
        certificateNo: z.string(),
        kind: z.enum(['OWNED', 'PURCHASE_CONTRACT', 'REGISTERED_RENTAL']),
        holders: z.array(z.object({ idNumber, name: z.string(), share: z.number() })),
        divisionCode: z.string(),
        address: z.string(),
        catchmentUnit: z.string().nullable(),
        registrationDate: date,
      }),
    }),
  },
  socialInsurance: {
    path: '/api/rs/v1/social-insurance/query',
    request: z.strictObject({ idNumber }),
    response: found({
      record: z.object({
        idNumber,
        cityCode: z.string(),
        monthsPaidLast24: z.number().int(),
        status: z.enum(['ACTIVE', 'SUSPENDED']),
      }),
    }),
  },
} as const;

export type DepartmentQuery = keyof typeof DEPARTMENT_QUERIES;
export type QueryRequest<Q extends DepartmentQuery> = z.infer<
  (typeof DEPARTMENT_QUERIES)[Q]['request']
>;
export type QueryResponse<Q extends DepartmentQuery> = z.infer<
  (typeof DEPARTMENT_QUERIES)[Q]['response']
>;

/** Fault-injection names of the endpoints (simulator admin API). */
export const ENDPOINT_NAMES: Record<DepartmentQuery, string> = {
  identity: 'identity',
  household: 'household',
  residencePermit: 'residence-permit',
  realEstate: 'real-estate',
  socialInsurance: 'social-insurance',
};
