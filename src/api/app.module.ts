import { CaseFilesController } from './case-files/case-files.controller';
import { CaseFileService } from './case-files/case-file.service';
import { CaseFileRepository } from '../db/case-file-repository';
import { AppealsController } from './appeals/appeals.controller';
import { PlacesController } from './places/places.controller';
import { PlacesService } from './places/places.service';
import { AppealsService } from './appeals/appeals.service';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import { accessTokenSettings, platformCallbackUrl, type Config } from '../config/config';
import { AdministrationRepository } from '../db/administration-repository';
import { ApplicationRepository } from '../db/application-repository';
import { AppointmentRepository } from '../db/appointment-repository';
import { AuditRepository } from '../db/audit-repository';
import { EligibilityRepository } from '../db/eligibility-repository';
import { ReviewQueueRepository } from '../db/review-queue-repository';
import { RepairLockRepository } from '../db/repair-lock-repository';
import { RoundRepository } from '../db/round-repository';
import { attachmentStoreOf } from '../storage/attachment-store';
import { columnSealerOf, type Sealer } from '../encryption/sealer';
import { ConsentRepository } from '../db/consent-repository';
import { ClaimRepository } from '../db/claim-repository';
import { PointAdministrationRepository } from '../db/point-administration-repository';
import { PointsController } from './admin/points.controller';
import { PointsService } from './admin/points.service';
import { BookingsController } from './registration/bookings.controller';
import { BookingsService } from './registration/bookings.service';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService } from './claims/claims.service';
import { ConsentController } from './consent/consent.controller';
import { ConsentService } from './consent/consent.service';
import { IdempotencyStore } from '../db/idempotency-store';
import { IntakeRepository } from '../db/intake-repository';
import type { Db } from '../db/prisma-client';
import type { Logger } from '../observability/logger';
import { ReferenceDataRepository } from '../db/reference-data-repository';
import { AdminController } from './admin/admin.controller';
import { ContentController } from './admin/content.controller';
import { ContentService } from './admin/content.service';
import { PublicController } from './public/public.controller';
import { PublicService } from './public/public.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { PublicInformationRepository } from '../db/public-information-repository';
import { ReportRepository } from '../db/report-repository';
import { WarningRepository } from '../db/warning-repository';
import { WarningsController } from './warnings/warnings.controller';
import { WarningsService } from './warnings/warnings.service';
import { EarlyWarningTrigger } from './warnings/early-warning-trigger';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditLogService } from './audit/audit-log.service';
import { AuditTrail } from './audit/audit-trail';
import { AdminService } from './admin/admin.service';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { SubmissionService } from './applications/submission.service';
import { IntakeGuards } from './applications/intake-guards';
import { Reapplication } from './applications/reapplication';
import { RegistrationWindowGate } from './applications/registration-window.gate';
import { CaseGateway } from './cases/case-gateway';
import { ReviewController } from './review/review.controller';
import { ReviewService } from './review/review.service';
import { RoundsController } from './rounds/rounds.controller';
import { ConsoleController } from './console/console.controller';
import { CaseClosingService } from './console/case-closing.service';
import { CaseFinderService } from './console/case-finder.service';
import { AdmissionControl } from './applications/admission-control';
import { FailingActivityRepository } from '../db/failing-activity-repository';
import { CaseInspectionService } from './console/case-inspection.service';
import { CaseRepairService } from './console/case-repair.service';
import { RepairLock } from './console/repair-lock';
import { CaseRuns } from '../case-runs/case-runs';
import { ReplayCheck } from '../case-runs/replay-check';
import { payloadCodecOf, temporalDataConverter } from '../temporal/data-converter';
import { CodecController } from './codec/codec.controller';
import { StatusNotifier } from '../integration/platform/status-notifier';
import { RoundsService } from './rounds/rounds.service';
import { AuthGuard } from './auth/auth.guard';
import { rateLimiting } from './limits/rate-limit';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { ProblemFilter } from './problem/problem.filter';
import { ZodBodyPipe } from './problem/zod-body.pipe';
import { RegistrationController } from './registration/registration.controller';
import { ContestController } from './registration/contest.controller';
import { ContestService } from './registration/contest.service';
import { RegistrationService } from './registration/registration.service';
import { DevTokenController, SignInOptionsController } from './workbench/sign-in.controller';
import {
  ACCESS_TOKEN_SETTINGS,
  ADMINISTRATION,
  API_CONFIG,
  APPLICATION_REPOSITORY,
  FAILING_ACTIVITIES,
  APPOINTMENTS,
  DB,
  ELIGIBILITY,
  ATTACHMENT_STORE,
  CASE_FILES,
  AUDIT,
  REVIEW_QUEUE,
  ROUNDS,
  IDEMPOTENCY_STORE,
  INTAKE,
  REFERENCE_DATA,
  TEMPORAL_CLIENT,
  CASE_RUNS,
  REPLAY_CHECK,
  PLATFORM_NOTIFIER,
  REPAIR_LOCKS,
  PAYLOAD_CODEC,
  CONSENT,
  PUBLIC_INFORMATION,
  REPORTS,
  CLAIMS,
  POINT_ADMINISTRATION,
  WARNINGS,
} from './injection-tokens';

export interface ApiDependencies {
  readonly config: Config;
  readonly temporal: Client;
  readonly db: Db;
  /** The process's JSON logger; by default one of the API's own at the configured level. */
  readonly logger?: Logger;
}

/** Every controller; the development-only token minting is added by forRoot outside production. */
const CONTROLLERS = [
  HealthController,
  MetricsController,
  ApplicationsController,
  RegistrationController,
  ContestController,
  ReviewController,
  RoundsController,
  AdminController,
  ContentController,
  PublicController,
  ReportsController,
  WarningsController,
  ConsoleController,
  CodecController,
  AuditLogController,
  ConsentController,
  AppealsController,
  PlacesController,
  CaseFilesController,
  ClaimsController,
  PointsController,
  BookingsController,
  SignInOptionsController,
];

/** The services Nest builds itself: each takes what it needs by injection. */
const SERVICES: Provider[] = [
  AuditTrail,
  AuditLogService,
  CaseGateway,
  ApplicationsService,
  SubmissionService,
  IntakeGuards,
  AdmissionControl,
  Reapplication,
  ConsentService,
  ClaimsService,
  PointsService,
  BookingsService,
  RegistrationWindowGate,
  ReviewService,
  AppealsService,
  PlacesService,
  CaseFileService,
  RoundsService,
  AdminService,
  ContentService,
  PublicService,
  ReportsService,
  WarningsService,
  EarlyWarningTrigger,
  RegistrationService,
  ContestService,
  MetricsService,
  CaseFinderService,
  CaseInspectionService,
  CaseRepairService,
  CaseClosingService,
  RepairLock,
];

/** The read model's repositories, those with personal fields sealed by the column sealer. */
function repositories(db: Db, sealer: Sealer, config: Config): Provider[] {
  return [
    { provide: APPLICATION_REPOSITORY, useValue: new ApplicationRepository(db, sealer) },
    { provide: REFERENCE_DATA, useValue: new ReferenceDataRepository(db) },
    { provide: APPOINTMENTS, useValue: new AppointmentRepository(db) },
    { provide: IDEMPOTENCY_STORE, useValue: new IdempotencyStore(db) },
    { provide: INTAKE, useValue: new IntakeRepository(db) },
    { provide: AUDIT, useValue: new AuditRepository(db) },
    { provide: ROUNDS, useValue: new RoundRepository(db, sealer) },
    { provide: ADMINISTRATION, useValue: new AdministrationRepository(db) },
    { provide: ELIGIBILITY, useValue: new EligibilityRepository(db, sealer) },
    { provide: REVIEW_QUEUE, useValue: new ReviewQueueRepository(db, sealer) },
    { provide: CONSENT, useValue: new ConsentRepository(db) },
    { provide: PUBLIC_INFORMATION, useValue: new PublicInformationRepository(db) },
    { provide: REPORTS, useValue: new ReportRepository(db) },
    { provide: WARNINGS, useValue: new WarningRepository(db) },
    { provide: CLAIMS, useValue: new ClaimRepository(db) },
    { provide: POINT_ADMINISTRATION, useValue: new PointAdministrationRepository(db) },
    { provide: ATTACHMENT_STORE, useValue: attachmentStoreOf(config) },
    { provide: CASE_FILES, useValue: new CaseFileRepository(db, sealer) },
    { provide: REPAIR_LOCKS, useValue: new RepairLockRepository(db) },
    { provide: FAILING_ACTIVITIES, useValue: new FailingActivityRepository(db) },
  ];
}

/** What the process hands in, and the engine and platform clients built from its config. */
function infrastructure(deps: ApiDependencies): Provider[] {
  return [
    { provide: API_CONFIG, useValue: deps.config },
    { provide: DB, useValue: deps.db },
    { provide: ACCESS_TOKEN_SETTINGS, useValue: accessTokenSettings(deps.config) },
    { provide: TEMPORAL_CLIENT, useValue: deps.temporal },
    { provide: CASE_RUNS, useValue: new CaseRuns(deps.temporal) },
    { provide: REPLAY_CHECK, useValue: new ReplayCheck(temporalDataConverter(deps.config)) },
    { provide: PAYLOAD_CODEC, useValue: payloadCodecOf(deps.config) },
    {
      provide: PLATFORM_NOTIFIER,
      useValue: new StatusNotifier({
        url: platformCallbackUrl(deps.config),
        secret: deps.config.PLATFORM_CALLBACK_SECRET,
        timeoutMs: deps.config.DATA_SHARING_TIMEOUT_MS,
      }),
    },
  ];
}

@Module({})
export class AppModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    const limiting = rateLimiting(deps.config, AuthGuard);
    return {
      module: AppModule,
      imports: limiting.imports,
      controllers: [
        ...CONTROLLERS,
        // Development only: production has no way to mint a token of its own choosing.
        ...(deps.config.NODE_ENV === 'production' ? [] : [DevTokenController]),
      ],
      providers: [
        ...infrastructure(deps),
        ...repositories(deps.db, columnSealerOf(deps.config), deps.config),
        { provide: APP_PIPE, useClass: ZodBodyPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...limiting.guards,
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        ...SERVICES,
      ],
    };
  }
}
