import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { RequestValidationError } from './request-validation.error';

interface ZodDtoClass {
  readonly isZodDto: true;
  readonly schema: ZodType;
}

function isZodDto(metatype: unknown): metatype is ZodDtoClass {
  return typeof metatype === 'function' && (metatype as Partial<ZodDtoClass>).isZodDto === true;
}

/**
 * Validates every argument typed with a nestjs-zod DTO. Parsing reports the input so that a
 * missing field (REQUIRED) is told apart from a wrong one, and every violation is collected.
 */
@Injectable()
export class ZodBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!isZodDto(metadata.metatype)) return value;
    const result = metadata.metatype.schema.safeParse(value, { reportInput: true });
    if (!result.success)
      throw new RequestValidationError(
        result.error,
        metadata.type === 'query' || metadata.type === 'param' ? metadata.type : 'body',
      );
    return result.data;
  }
}
