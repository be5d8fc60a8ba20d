import { z } from 'zod';

/**
 * The 公安 population interface on the data-sharing exchange (issue 15): a county's school-age
 * children by single year of age (0–12, on 31 August of the season the reference date belongs to)
 * per catchment unit, with hukou in the unit or a residence permit for it, and the unit's
 * children's hukou moves and births of the last years. Aggregates only: no person is named.
 */
export const POPULATION_PATH = '/population/school-age';
/** The endpoint's name in metrics and the simulator's fault-injection admin API. */
export const POPULATION_ENDPOINT = 'school-age-population';

const count = z.number().int().min(0);
const year = z.number().int().min(1990).max(2100);

export const populationRequestSchema = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/),
  /** The date the figures are to describe (YYYY-MM-DD). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type PopulationRequest = z.infer<typeof populationRequestSchema>;

export const unitPopulationSchema = z.object({
  unit: z.string().min(1),
  ages: z.array(z.object({ age: z.number().int().min(0).max(12), hukou: count, permit: count })),
  moves: z.array(z.object({ year, moveIn: count, moveOut: count })),
  births: z.array(z.object({ year, count })),
});

export const populationResponseSchema = z.object({
  code: z.literal('0'),
  data: z.object({
    countyCode: z.string(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    units: z.array(unitPopulationSchema),
  }),
});
export type PopulationResponse = z.infer<typeof populationResponseSchema>;
