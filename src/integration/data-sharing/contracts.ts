import { z } from 'zod';
import {
  DEPARTMENT_QUERY_LIST,
  type AnswerOf,
  type DepartmentQueryName,
  type RegisteredQuery,
  type RequestOf,
} from '../../domain/verification/checks';

/**
 * The departments' interfaces on the regional data-sharing exchange, as this service uses them.
 * Which queries exist, their paths and endpoint names come from the checks that ask them
 * (domain/verification/checks); here is what each sends and answers on the wire, checked
 * against the types the checks read. The simulator serves exactly these.
 */
const idNumber = z.string().regex(/^\d{17}[\dX]$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

type WireSchemas = {
  readonly [Q in RegisteredQuery as Q['name']]: {
    readonly request: z.ZodType<RequestOf<Q>>;
    /** What a FOUND answer carries beside `result`. */
    readonly found: z.ZodType<AnswerOf<Q>>;
  };
};

const WIRE = {
  identity: {
    request: z.strictObject({ name: z.string().min(1).max(60), idNumber }),
    found: z.object({
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
    request: z.strictObject({ idNumber }),
    found: z.object({
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
    request: z.strictObject({ idNumber }),
    found: z.object({
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
    request: z.strictObject({ certificateNo: z.string().min(1).max(64) }),
    found: z.object({
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
    request: z.strictObject({ idNumber }),
    found: z.object({
      record: z.object({
        idNumber,
        cityCode: z.string(),
        monthsPaidLast24: z.number().int(),
        status: z.enum(['ACTIVE', 'SUSPENDED']),
      }),
    }),
  },
  householdRelation: {
    request: z.strictObject({ childIdNumber: idNumber, guardianIdNumber: idNumber }),
    found: z.object({ relation: z.enum(['PARENT', 'GRANDPARENT', 'OTHER']) }),
  },
  birthCertificate: {
    request: z.strictObject({ idNumber }),
    found: z.object({
      certificate: z.object({
        certificateNo: z.string(),
        fatherIdNumber: idNumber.nullable(),
        motherIdNumber: idNumber.nullable(),
      }),
    }),
  },
} as const satisfies WireSchemas;

/** The exchange's envelope: code "0", and either the registry's record or NOT_FOUND. */
const envelope = <T extends z.ZodRawShape>(found: z.ZodObject<T>) =>
  z.object({
    code: z.literal('0'),
    data: z.discriminatedUnion('result', [
      found.extend({ result: z.literal('FOUND') }),
      z.object({ result: z.literal('NOT_FOUND') }),
    ]),
  });

export type DepartmentQuery = DepartmentQueryName;
type Wire = typeof WIRE;

export const DEPARTMENT_QUERIES = Object.fromEntries(
  DEPARTMENT_QUERY_LIST.map((q) => {
    const wire = WIRE[q.name as DepartmentQuery];
    return [
      q.name,
      { path: q.path, request: wire.request, response: envelope(wire.found as z.ZodObject) },
    ];
  }),
) as {
  readonly [Q in DepartmentQuery]: {
    readonly path: string;
    readonly request: Wire[Q]['request'];
    readonly response: ReturnType<typeof envelope<Wire[Q]['found']['shape']>>;
  };
};

export type QueryRequest<Q extends DepartmentQuery> = z.infer<
  (typeof DEPARTMENT_QUERIES)[Q]['request']
>;
export type QueryResponse<Q extends DepartmentQuery> = z.infer<
  (typeof DEPARTMENT_QUERIES)[Q]['response']
>;

/** Endpoint names in metrics and the simulator's fault-injection admin API. */
export const ENDPOINT_NAMES = Object.fromEntries(
  DEPARTMENT_QUERY_LIST.map((q) => [q.name, q.endpoint]),
) as Record<DepartmentQuery, string>;
