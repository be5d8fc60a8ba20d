import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { signAccessToken } from '../../auth/jwt';
import { accessTokenSettings, type Config } from '../../config/config';
import { guardianKeyOf } from '../../domain/application-identity';
import { Public } from '../auth/auth.decorators';
import { API_CONFIG } from '../injection-tokens';
import { DevTokenDto, DevTokenRequestDto, SignInOptionsDto } from './dto';

/** Development tokens last a working day, like `npm run token`'s. */
const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

/** How the workbench signs people in: the identity provider's redirect, or (development) a picker. */
@ApiTags('workbench')
@Controller('auth')
export class SignInOptionsController {
  constructor(@Inject(API_CONFIG) private readonly config: Config) {}

  @Public()
  @Get('sign-in-options')
  @ZodResponse({ status: 200, type: SignInOptionsDto })
  @ApiOperation({ summary: "The workbench's ways to sign in" })
  options() {
    const { OIDC_AUTHORIZE_URL: authorizeUrl, OIDC_CLIENT_ID: clientId } = this.config;
    return {
      devSignIn: this.config.NODE_ENV !== 'production',
      oidc: authorizeUrl && clientId ? { authorizeUrl, clientId } : null,
    };
  }
}

/**
 * Development only (AppModule leaves it out in production, where it answers 404): a token for
 * any role, as `npm run token` makes one, so the workbench and its browser tests can sign in.
 */
@ApiTags('workbench')
@Controller('auth')
export class DevTokenController {
  constructor(@Inject(API_CONFIG) private readonly config: Config) {}

  @Public()
  @Post('dev-token')
  @ZodResponse({ status: 201, type: DevTokenDto })
  @ApiOperation({ summary: 'Development only: a bearer token for the role picked' })
  async mint(@Body() body: DevTokenRequestDto) {
    const guardian =
      body.role === 'PARENT' && body.guardianIdNumber
        ? guardianKeyOf(this.config.GUARDIAN_KEY_SECRET, body.guardianIdNumber)
        : undefined;
    const token = await signAccessToken(
      {
        sub: body.sub,
        role: body.role,
        counties: body.counties,
        ...(body.point && { point: body.point }),
        ...(guardian && { guardian }),
        ttlSeconds: DEV_TOKEN_TTL_SECONDS,
      },
      accessTokenSettings(this.config),
    );
    return { token, expiresInSeconds: DEV_TOKEN_TTL_SECONDS };
  }
}
