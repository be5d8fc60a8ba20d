import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { createLogger, logLevel } from '../observability/logger';
import { temporalUiUrl } from '../config/config';
import { AppModule, type ApiDependencies } from './app.module';
import { codecCors } from './codec/codec-cors';
import { helmetOptions, serveWorkbench } from './workbench/static';
import { docsEnabled, metricsAccess } from './exposure';
import { noStoreByDefault } from './no-store';
import { recordHttpMetrics } from './observability/http-metrics';
import { nestLogging, requestLogging } from './observability/request-logging';
import {
  assignRequestId,
  bodyErrorToProblem,
  jsonBody,
  requireJsonContentType,
} from './problem/body-parsing';

/** Builds the HTTP API (not yet listening), so tests and the launchers share one assembly. */
export async function createApiApp(deps: ApiDependencies): Promise<NestExpressApplication> {
  const logger = deps.logger ?? createLogger({ level: logLevel(deps.config) });
  const logging = nestLogging(AppModule.forRoot({ ...deps, logger }), logger);
  const app = await NestFactory.create<NestExpressApplication>(logging.module, {
    bodyParser: false,
    logger: logging.logger,
  });
  app.disable('x-powered-by');
  // No automatic ETag: it would let a cache revalidate and keep an answer with personal data.
  // Public information sets its own (public/cacheable.ts).
  app.set('etag', false);
  // Logging and timing come before body parsing, so requests refused there are logged and timed.
  app.use('/codec', codecCors(temporalUiUrl(deps.config)));
  app.use(
    helmet(helmetOptions),
    noStoreByDefault,
    assignRequestId,
    requestLogging(logger),
    recordHttpMetrics,
    requireJsonContentType,
    jsonBody,
    bodyErrorToProblem,
  );
  app.use('/metrics', metricsAccess(deps.config));
  serveWorkbench(app);
  if (docsEnabled(deps.config)) SwaggerModule.setup('docs', app, openApiDocument(app));
  return app;
}

/** The OpenAPI document served at /docs and /docs-json. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('gx-enrolment API')
      .setDescription('义务教育阶段新生入学"一件事" — compulsory-education enrolment "one thing"')
      .setVersion('0.1.0')
      .build(),
  );
  return cleanupOpenApiDoc(document);
}
