import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Config } from '../../config/config';
import type { RoundRepository } from '../../db/round-repository';
import type { Mechanism } from '../../domain/allocation/model';
import { LOTTERY_ALGORITHM, seedCommitment } from '../../domain/allocation/lottery';
import type { Stage } from '../../domain/enrolment';
import {
  DuplicateRoundError,
  EarlierRoundOpenError,
  NotFoundError,
  RegistrationOpenError,
} from '../../domain/errors';
import { actorOf, requireCounty, type Principal } from '../../domain/principal';
import { VerificationCache } from './verification-cache';
import { ADMISSION_ROUND_WORKFLOW_TYPE, type AdmissionRoundWorkflow } from '../../contract';
import {
  ADMINISTRATION,
  API_CONFIG,
  ELIGIBILITY,
  ROUNDS,
  TEMPORAL_CLIENT,
} from '../injection-tokens';
import type { AdministrationRepository } from '../../db/administration-repository';
import type { EligibilityRepository } from '../../db/eligibility-repository';

type StoredRound = NonNullable<Awaited<ReturnType<RoundRepository['find']>>>;

/** Admission rounds: started by an administrator, verified by administrators and auditors. */
@Injectable()
export class RoundsService {
  private readonly verifications = new VerificationCache();

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ROUNDS) private readonly rounds: RoundRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(ADMINISTRATION) private readonly administration: AdministrationRepository,
    @Inject(ELIGIBILITY) private readonly eligibility: EligibilityRepository,
  ) {}

  async start(
    principal: Principal,
    request: { countyCode: string; stage: Stage; seasonYear: number; mechanism?: Mechanism },
  ) {
    requireCounty(principal, request.countyCode);
    const key = {
      countyCode: request.countyCode,
      stage: request.stage,
      seasonYear: request.seasonYear,
    };
    const window = await this.administration.window(key);
    if (window && window.closesAt > new Date())
      throw new RegistrationOpenError(window.closesAt.toISOString());
    const policy = await this.eligibility.policy(
      request.countyCode,
      request.stage,
      request.seasonYear,
    );
    const mechanism = request.mechanism ?? policy?.mechanism ?? 'DEFERRED_ACCEPTANCE';
    // The main round first, then each 补录 round once the one before it is published.
    const earlier = await this.rounds.season(request.countyCode, request.stage, request.seasonYear);
    const open = earlier.find((r) => r.status !== 'PUBLISHED');
    if (open) throw new EarlierRoundOpenError(open.id);
    const id = `${request.seasonYear}-${request.countyCode}-${request.stage}-${randomUUID().slice(0, 8)}`;
    const seed = randomBytes(32).toString('hex');
    try {
      await this.rounds.create({
        id,
        ...key,
        mechanism,
        seed,
        seedCommitment: seedCommitment(seed),
        algorithm: LOTTERY_ALGORITHM,
        createdBy: actorOf(principal),
        sequence: earlier.length + 1,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002')
        throw new DuplicateRoundError(request.countyCode, request.stage, request.seasonYear);
      throw error;
    }
    await this.temporal.workflow.start<AdmissionRoundWorkflow>(ADMISSION_ROUND_WORKFLOW_TYPE, {
      workflowId: `admission-round-${id}`,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [id, this.config.ROUND_DELIVERY_BATCH],
    });
    return this.view(id);
  }

  /** A season's rounds of a county and stage in the caller's scope, in order, as view() shows each. */
  async season(
    principal: Principal,
    key: { countyCode: string; stage: Stage; seasonYear: number },
  ) {
    requireCounty(principal, key.countyCode);
    const rounds = await this.rounds.season(key.countyCode, key.stage, key.seasonYear);
    return Promise.all(rounds.map((round) => this.shown(round)));
  }

  /** The round as published: the seed only once drawn, the commitment from the start. */
  async view(id: string) {
    const round = await this.rounds.find(id);
    if (!round) throw new NotFoundError('admission round');
    return this.shown(round);
  }

  private async shown(round: StoredRound) {
    const drawn = round.status === 'DRAWN' || round.status === 'PUBLISHED';
    return {
      roundId: round.id,
      countyCode: round.countyCode,
      stage: round.stage,
      seasonYear: round.seasonYear,
      sequence: round.sequence,
      kind: round.sequence === 1 ? ('MAIN' as const) : ('SUPPLEMENTARY' as const),
      basis: round.basis,
      mechanism: round.mechanism,
      status: round.status,
      algorithm: round.algorithm,
      seedCommitment: round.seedCommitment,
      seed: drawn ? round.seed : null,
      applicantListHash: round.applicantListHash,
      policyVersion: round.policyVersion,
      schools: drawn ? round.summary : null,
      // A county's round delivers to every case one by one: the page shows how far it has got.
      delivery: drawn ? await this.rounds.deliveryProgress(round.id) : null,
    };
  }

  /** Recomputes a drawn round of the caller's scope, once per version of what it published. */
  async verify(principal: Principal, id: string) {
    const round = await this.rounds.find(id);
    if (round) requireCounty(principal, round.countyCode);
    const published = round && (await this.rounds.publishedRound(id));
    if (!published) throw new NotFoundError('drawn admission round');
    const { verification, cached } = await this.verifications.verify(published);
    return { result: { roundId: id, ...verification }, cached };
  }
}
