import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '../../config/config';
import { claimLimitsOf } from '../../config/limits';
import type { ApplicationRepository } from '../../db/application-repository';
import type { ClaimRepository } from '../../db/claim-repository';
import { guardianKeyOf } from '../../domain/application-identity';
import {
  CaseAlreadyClaimedError,
  ClaimAttemptsExceededError,
  ClaimCodeExpiredError,
  ClaimCodeInvalidError,
  ClaimCodeUsedError,
} from '../../domain/claim-errors';
import {
  CLAIM_CODE_BYTES,
  claimCodeHash,
  claimRefusal,
  formatClaimCode,
  normaliseClaimCode,
  type ClaimRefusal,
} from '../../domain/claim-code';
import { coversCounty, actorOf, type Principal } from '../../domain/principal';
import { NotTheGuardianError, RuleViolationError } from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { violation } from '../../domain/forms/violations';
import type { CaseScope } from '../../domain/case-access';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { IntakeGuards } from '../applications/intake-guards';
import { API_CONFIG, APPLICATION_REPOSITORY, CLAIMS } from '../injection-tokens';

export interface IssuedCode {
  readonly code: string;
  readonly expiresAt: string;
}

const REFUSALS: Record<ClaimRefusal, () => Error> = {
  UNKNOWN: () => new ClaimCodeInvalidError(),
  USED: () => new ClaimCodeUsedError(),
  EXPIRED: () => new ClaimCodeExpiredError(),
  NOT_THE_GUARDIAN: () => new NotTheGuardianError(),
};

/** Staff of the point that entered an offline case, in its county, reissue its code. */
function enteredHere(
  principal: Principal,
  scope: CaseScope & { registrationPointId?: string | null },
) {
  return (
    principal.role === 'STAFF' &&
    principal.pointId !== undefined &&
    scope.registrationPointId === principal.pointId &&
    coversCounty(principal, scope.countyCode)
  );
}

/**
 * Offline cases join the family's account (issue 14): the receipt's one-time code, issued at entry
 * (or again by the point), and the family's claim with it, which must come from a guardian the
 * form names. Failed claims count against the account.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @Inject(CLAIMS) private readonly claims: ClaimRepository,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly cases: CaseGateway,
    private readonly guards: IntakeGuards,
  ) {}

  /** A code for a case just entered offline; null once the family has claimed the case. */
  issueFor(form: ApplicationForm, applicationNo: string, caller: CallerContext) {
    const guardianKeys = form.guardians.map((g) =>
      guardianKeyOf(this.config.GUARDIAN_KEY_SECRET, g.idNumber),
    );
    return this.issue(applicationNo, guardianKeys, actorOf(caller.principal));
  }

  /** A fresh code (the old one stops working), for a family whose code expired or was lost. */
  async reissue(applicationNo: string, caller: CallerContext): Promise<IssuedCode> {
    const row = await this.cases.find(applicationNo, caller, enteredHere);
    const stored = await this.claims.guardiansOf(row.applicationNo);
    if (!stored || stored.claimedAt || row.ownerSub) throw new CaseAlreadyClaimedError();
    const issued = await this.issue(
      row.applicationNo,
      stored.guardianKeys,
      actorOf(caller.principal),
    );
    if (!issued) throw new CaseAlreadyClaimedError();
    return issued;
  }

  async claim(typed: string, caller: CallerContext) {
    const { account, guardianKey } = await this.claimant(caller);
    await this.requireAttemptsLeft(account);
    const normalised = normaliseClaimCode(typed);
    const hash = normalised ? claimCodeHash(normalised) : null;
    const stored = hash ? await this.claims.byHash(hash) : null;
    const now = new Date();
    const refusal = claimRefusal(stored, guardianKey, now);
    if (refusal || !stored || !hash) {
      await this.claims.recordFailure(account);
      throw REFUSALS[refusal ?? 'UNKNOWN']();
    }
    const found = (await this.applications.findByNumber(stored.applicationNo))!;
    const release = await this.guards.reserveRoomForCase(
      { ownerSub: account, registrationPointId: null },
      found.workflowId,
    );
    try {
      if ((await this.claims.claim(hash, account, now)) === 'lost-race') {
        await this.claims.recordFailure(account);
        throw new ClaimCodeUsedError();
      }
    } finally {
      // Claimed, the case's row names the account and counts as its live case.
      await release();
    }
    // The claim changed only the account the case belongs to.
    const row = { ...found, ownerSub: account };
    await this.cases.claimedBy(row, account);
    if (caller.trail) caller.trail.countyCode = row.countyCode;
    await this.cases.record(row, caller, { action: 'CLAIM', afterStatus: row.status });
    return { applicationNo: row.applicationNo, status: row.status };
  }

  private async issue(
    applicationNo: string,
    guardianKeys: readonly string[],
    issuedBy: string,
  ): Promise<IssuedCode | null> {
    const code = formatClaimCode(randomBytes(CLAIM_CODE_BYTES));
    const expiresAt = new Date(Date.now() + claimLimitsOf(this.config).ttlMs);
    const stored = await this.claims.issue({
      applicationNo,
      codeHash: claimCodeHash(normaliseClaimCode(code)!),
      guardianKeys,
      issuedBy,
      expiresAt,
    });
    return stored ? { code, expiresAt: expiresAt.toISOString() } : null;
  }

  /** The account the case joins and the real-name person claiming it. */
  private async claimant(caller: CallerContext) {
    if (caller.principal.role === 'PLATFORM') {
      const family = await this.cases.vouchedFamily(caller);
      if (!family)
        throw new RuleViolationError([violation('X-Family-Token', 'FAMILY_TOKEN_REQUIRED')]);
      return { account: family.sub, guardianKey: family.guardianKey };
    }
    return { account: caller.principal.sub, guardianKey: caller.principal.guardianKey };
  }

  private async requireAttemptsLeft(account: string): Promise<void> {
    const { maxFailures, windowMs } = claimLimitsOf(this.config);
    const since = new Date(Date.now() - windowMs);
    if ((await this.claims.failuresSince(account, since)) < maxFailures) return;
    const oldest = (await this.claims.oldestFailureSince(account, since)) ?? new Date();
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + windowMs - Date.now()) / 1000));
    throw new ClaimAttemptsExceededError(maxFailures, retryAfter);
  }
}
