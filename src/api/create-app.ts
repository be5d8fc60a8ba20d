import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule, type ApiDependencies } from './app.module';
import {
  assignRequestId,
  bodyErrorToProblem,
  jsonBody,
  requireJsonContentType,
} from './problem/body-parsing';

/** Builds the HTTP API (not yet listening), so tests and the launchers share one assembly. */
export async function createApiApp(deps: ApiDependencies): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(deps), {
    bodyParser: false,
    logger: deps.config.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  app.use(assignRequestId, requireJsonContentType, jsonBody, bodyErrorToProblem);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('gx-enrolment API')
      .setDescription('义务教育阶段新生入学"一件事" — compulsory-education enrolment "one thing"')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document));
  return app;
}
