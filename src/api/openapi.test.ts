import type { Client } from '@temporalio/client';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '../config/config';
import type { Db } from '../db/prisma-client';
import { createLogger } from '../observability/logger';
import { createApiApp, openApiDocument } from './create-app';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

describe('the published OpenAPI document', () => {
  let doc: OpenAPIObject;

  beforeAll(async () => {
    // Building the document needs the routes only: nothing here talks to Temporal or the database.
    const app = await createApiApp({
      config: loadConfig({}),
      temporal: {} as Client,
      db: {} as Db,
      logger: createLogger({ level: 'silent' }),
    });
    doc = openApiDocument(app);
    await app.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('lists each header once, and the optional ones as optional', () => {
    for (const { route, operation } of operations()) {
      const headers = (operation.parameters ?? []).filter((p) => p.in === 'header');
      const names = headers.map((h) => h.name.toLowerCase());
      expect({ route, names }).toEqual({ route, names: [...new Set(names)] });
    }
    const submit = doc.paths['/applications']!.post as unknown as Operation;
    expect(
      (submit.parameters ?? []).filter((p) => p.in === 'header').map((p) => [p.name, p.required]),
    ).toEqual(
      expect.arrayContaining([
        ['Idempotency-Key', false],
        ['X-Family-Token', false],
      ]),
    );
  });

  it('documents what every route answers: a 2xx response with a schema (204: no body)', () => {
    const undocumented = operations().filter(({ operation }) => {
      const success = Object.entries(operation.responses).filter(([code]) => /^2\d\d$/.test(code));
      return !success.some(
        ([code, response]) =>
          code === '204' ||
          Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
      );
    });
    expect(undocumented.map((o) => o.route)).toEqual([]);
    expect(operations().length).toBeGreaterThanOrEqual(35);
  });

  it('describes the fields of a response, e.g. the submission receipt', () => {
    const submit = doc.paths['/applications']!.post as unknown as Operation;
    const schema = submit.responses['201']!.content!['application/json']!.schema as {
      $ref: string;
    };
    const receipt = doc.components!.schemas![schema.$ref.split('/').pop()!] as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(receipt.properties)).toEqual([
      'applicationNo',
      'status',
      'workflowId',
      'claim',
    ]);
  });
});
