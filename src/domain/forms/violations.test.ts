import { z } from 'zod';
import { toViolations } from './violations';

describe('violations of an unknown key', () => {
  const schema = z.strictObject({ countyCode: z.string().optional() });
  const error = schema.safeParse({ county: '450103' }, { reportInput: true }).error!;

  it('in a body: the field is not part of the form', () => {
    expect(toViolations(error)).toEqual([
      expect.objectContaining({ path: 'county', code: 'UNKNOWN_FIELD' }),
    ]);
  });

  it('in a query string: names the parameter in both languages', () => {
    const [v] = toViolations(error, 'query');
    expect(v).toEqual({
      path: 'county',
      code: 'UNKNOWN_QUERY_PARAMETER',
      message_en: 'This endpoint has no query parameter "county".',
      message_zh: '此接口不支持查询参数"county"。',
    });
  });
});
