import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Config } from '../../config/config';
import { uploadQuotaOf } from '../../config/limits';
import type { ApplicationRepository } from '../../db/application-repository';
import { uploadAllowance } from '../../domain/attachments';
import { canWithdrawCase } from '../../domain/case-access';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { callerOf } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { API_CONFIG, APPLICATION_REPOSITORY } from '../injection-tokens';

export interface UploadRequest extends AuthenticatedRequest {
  params: Record<string, string>;
  /** Bytes the document may have: what is left of the case's quota, at most one document's. */
  uploadAllowance?: number;
}

/**
 * Runs before the body is read (guards precede the multipart interceptor): the case must be the
 * caller's, a supplement request open, the quota not reached. A refused upload costs no memory.
 */
@Injectable()
export class UploadAccessGuard implements CanActivate {
  constructor(
    private readonly cases: CaseGateway,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const row = await this.cases.find(
      request.params.applicationNo ?? '',
      callerOf(request),
      canWithdrawCase,
    );
    const usage = await this.applications.attachmentUsage(row.applicationNo);
    const open = row.supplementRequest as { deadline?: string } | null;
    request.uploadAllowance = uploadAllowance(
      { status: row.status, deadline: open?.deadline, ...usage },
      uploadQuotaOf(this.config),
      new Date(),
    );
    return true;
  }
}
