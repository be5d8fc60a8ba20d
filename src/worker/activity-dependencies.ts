import type { Client } from '@temporalio/client';
import type { ActivityDependencies } from '../activities';
import { platformCallbackUrl, type Config } from '../config/config';
import { ApplicationRepository } from '../db/application-repository';
import { EligibilityRepository } from '../db/eligibility-repository';
import type { Db } from '../db/prisma-client';
import { RoundRepository } from '../db/round-repository';
import { RetentionRepository } from '../db/retention-repository';
import { WaitlistRepository } from '../db/waitlist-repository';
import { WarningRepository } from '../db/warning-repository';
import { attachmentStoreOf } from '../storage/attachment-store';
import { ReferenceDataRepository } from '../db/reference-data-repository';
import { columnSealerOf } from '../encryption/sealer';
import { DataSharingClient } from '../integration/data-sharing/client';
import { StatusNotifier } from '../integration/platform/status-notifier';

/** The activities' collaborators, from validated configuration and one database client. */
export function createActivityDependencies(
  config: Config,
  db: Db,
  temporal: Client,
): ActivityDependencies {
  const sealer = columnSealerOf(config);
  return {
    applications: new ApplicationRepository(db, sealer),
    eligibility: new EligibilityRepository(db, sealer),
    reference: new ReferenceDataRepository(db),
    rounds: new RoundRepository(db, sealer),
    waitlists: new WaitlistRepository(db),
    temporal,
    retention: new RetentionRepository(db),
    warnings: new WarningRepository(db),
    attachments: attachmentStoreOf(config),
    dataSharing: new DataSharingClient({
      baseUrl: config.DATA_SHARING_BASE_URL,
      appKey: config.DATA_SHARING_APP_KEY,
      appSecret: config.DATA_SHARING_APP_SECRET,
      timeoutMs: config.DATA_SHARING_TIMEOUT_MS,
    }),
    platform: new StatusNotifier({
      url: platformCallbackUrl(config),
      secret: config.PLATFORM_CALLBACK_SECRET,
      timeoutMs: config.DATA_SHARING_TIMEOUT_MS,
    }),
  };
}
