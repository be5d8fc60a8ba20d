import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { ZodResponse } from 'nestjs-zod';
import type { AuditRepository } from '../../db/audit-repository';
import { maskPayloadData } from '../../case-runs/masked-history';
import { canDecodeUnmasked } from '../../domain/case-access';
import { actorOf } from '../../domain/principal';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { TemporalNamespace } from '../headers';
import { originOf } from '../audit/request-trail';
import { AUDIT, PAYLOAD_CODEC } from '../injection-tokens';
import { CodecPayloadsDto, type CodecPayloads } from './dto';
import { RateClassOf } from '../limits/rate-limit';

/**
 * The codec server of the Temporal Web UI (and `temporal --codec-endpoint`): decrypts payloads
 * for the people who read cases in the operations console, and encrypts what the UI sends (a
 * signal typed there). What it decrypts is masked as the console's history export masks it
 * (masked-history.ts), for every caller but an auditor of the whole region (case-access.ts,
 * 等保's separation of duties: operators and administrators repair cases, auditors read personal
 * data). A payload does not say its county, so the county-scoped roles that read cases (STAFF,
 * REVIEWER, CITY_ADMIN) have no access; PARENT and PLATFORM have no business in Temporal, and an
 * auditor, who changes nothing, does not encode. Every call is audited, without the payloads.
 */
@ApiTags('codec')
@ApiBearerAuth()
@Roles('OPERATOR', 'REGION_ADMIN')
@RateClassOf('ops')
@Controller('codec')
export class CodecController {
  constructor(
    @Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec,
    @Inject(AUDIT) private readonly audit: AuditRepository,
  ) {}

  @Post('decode')
  @Roles('OPERATOR', 'REGION_ADMIN', 'AUDITOR')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CodecPayloadsDto })
  @ApiOperation({
    summary:
      'Decrypt Temporal payloads for the Web UI (audited); personal data masked except for an AUDITOR of the whole region',
  })
  async decode(
    @Body() body: CodecPayloadsDto,
    @Caller() caller: CallerContext,
    @TemporalNamespace() namespace: string | undefined,
  ) {
    const unmasked = canDecodeUnmasked(caller.principal);
    const action = unmasked ? 'CODEC_DECODE_UNMASKED' : 'CODEC_DECODE';
    await this.record(action, caller, namespace, body.payloads.length);
    const decoded = toJson(await this.codec.decode(body.payloads.map(fromJson)));
    if (unmasked) return decoded;
    return { payloads: decoded.payloads.map((p) => ({ ...p, data: maskPayloadData(p.data) })) };
  }

  @Post('encode')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CodecPayloadsDto })
  @ApiOperation({ summary: 'Encrypt payloads the Web UI sends to Temporal (audited)' })
  async encode(
    @Body() body: CodecPayloadsDto,
    @Caller() caller: CallerContext,
    @TemporalNamespace() namespace: string | undefined,
  ) {
    await this.record('CODEC_ENCODE', caller, namespace, body.payloads.length);
    return toJson(await this.codec.encode(body.payloads.map(fromJson)));
  }

  /** Audited before the work, so a refused or failing call is on record too. */
  private record(
    action: string,
    { principal, trail }: CallerContext,
    namespace: string | undefined,
    payloads: number,
  ) {
    return this.audit.append({
      actor: actorOf(principal),
      role: principal.role,
      countyCode: null,
      action,
      applicationNo: null,
      beforeStatus: null,
      afterStatus: null,
      reason: 'Temporal payloads via the codec server',
      ...originOf(trail),
      details: { payloads, namespace: namespace?.slice(0, 100) ?? null },
    });
  }
}

function fromJson(p: CodecPayloads['payloads'][number]): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
    ),
    data: Buffer.from(p.data, 'base64'),
  };
}

function toJson(payloads: Payload[]): CodecPayloads {
  return {
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(p.data ?? []).toString('base64'),
    })),
  };
}
