import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

// Responses

export class LivenessDto extends createZodDto(z.object({ status: z.literal('ok') })) {}

const dependency = z.enum(['up', 'down']);

export class ReadinessDto extends createZodDto(
  z.object({
    status: z.literal('ready'),
    checks: z.object({ database: dependency, temporal: dependency }),
  }),
) {}
