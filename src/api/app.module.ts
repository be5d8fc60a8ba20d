import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/config';
import type { ApplicationRepository } from '../db/application-repository';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './problem/problem.filter';
import { ZodBodyPipe } from './problem/zod-body.pipe';
import { API_CONFIG, APPLICATION_REPOSITORY, TEMPORAL_CLIENT } from './tokens';

export interface ApiDependencies {
  readonly config: Config;
  readonly temporal: Client;
  readonly applications: ApplicationRepository;
}

@Module({})
export class AppModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, ApplicationsController],
      providers: [
        { provide: API_CONFIG, useValue: deps.config },
        { provide: TEMPORAL_CLIENT, useValue: deps.temporal },
        { provide: APPLICATION_REPOSITORY, useValue: deps.applications },
        { provide: APP_PIPE, useClass: ZodBodyPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ApplicationsService,
      ],
    };
  }
}
