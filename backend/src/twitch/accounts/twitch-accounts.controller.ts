import { randomBytes } from 'node:crypto';
import {
  ADMIN_ROUTES,
  type DeviceConnectFlow,
  type SessionMember,
  TWITCH_ACCOUNT_SCOPES,
  type TwitchAccount,
  type TwitchConnectOutcome,
  CONNECT_CALLBACK_PATH,
} from '@integron/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { RequireRole } from '../../auth/auth-policy.js';
import { CurrentMember } from '../../auth/request-context.js';
import { describeTwitchError } from '../twitch-errors.js';
import { TwitchOAuth } from '../twitch-oauth.js';
import { DeviceConnectFlows } from './device-connect-flows.js';
import {
  ConnectCallbackQueryDto,
  ConnectQueryDto,
  DeviceConnectFlowDto,
  StartDeviceConnectDto,
  TwitchAccountDto,
} from './twitch-account.dto.js';
import { TwitchAccountsService } from './twitch-accounts.service.js';

const ACCOUNTS_PAGE = `/${ADMIN_ROUTES.accounts.path}`;
/** OAuth error codes are short words; anything else in `?error=` is not worth a log line. */
const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

@ApiTags('twitch-accounts')
@Controller('api/twitch-accounts')
export class TwitchAccountsController {
  private readonly logger = new Logger('TwitchAccounts');
  private readonly callbackUrl: string;

  constructor(
    private readonly accounts: TwitchAccountsService,
    private readonly deviceFlows: DeviceConnectFlows,
    private readonly oauth: TwitchOAuth,
    config: AppConfig,
  ) {
    this.callbackUrl = `${config.http.publicUrl}${CONNECT_CALLBACK_PATH}`;
  }

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Connected broadcaster and bot accounts (never their tokens).' })
  @ApiOkResponse({ type: [TwitchAccountDto] })
  list(): Promise<TwitchAccount[]> {
    return this.accounts.list();
  }

  @Get('connect')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Connects (or reconnects) an account: redirects to Twitch, which sends the browser back to the accounts page.',
  })
  @ApiFoundResponse({ description: "Redirect to Twitch's consent page." })
  connect(@Query() query: ConnectQueryDto, @Req() request: Request, @Res() response: Response) {
    const state = randomBytes(24).toString('base64url');
    request.session.connect = { purpose: query.purpose, state };
    const url = this.oauth.authorizeUrl({
      redirectUri: this.callbackUrl,
      scopes: TWITCH_ACCOUNT_SCOPES[query.purpose],
      state,
    });
    request.session.save(() => response.redirect(url));
  }

  @Get('callback')
  @RequireRole('admin')
  @ApiOperation({ summary: "Twitch's redirect back after connecting; ends on the accounts page." })
  @ApiFoundResponse({
    description: 'Redirect to the accounts page, with ?connected=<login> or ?error=<code>.',
  })
  async callback(
    @Query() query: ConnectCallbackQueryDto,
    @CurrentMember() member: SessionMember,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const pending = request.session.connect;
    delete request.session.connect;
    const back = (outcome: TwitchConnectOutcome) =>
      response.redirect(`${ACCOUNTS_PAGE}?${new URLSearchParams(outcome).toString()}`);
    if (!pending || pending.state !== query.state) return back({ error: 'state_mismatch' });
    if (query.error === 'access_denied') return back({ error: 'access_denied' });
    if (query.error || !query.code) {
      const code = query.error && OAUTH_ERROR_CODE.test(query.error) ? query.error : 'no code';
      this.logger.warn(`Twitch did not connect the ${pending.purpose} account: ${code}`);
      return back({ error: 'twitch_error' });
    }
    try {
      const token = await this.oauth.exchangeCode(query.code, this.callbackUrl);
      const user = await this.oauth.identify(token.accessToken);
      const account = await this.accounts.connect({
        user,
        purpose: pending.purpose,
        token,
        connectedBy: member.id,
      });
      back({ connected: account.login });
    } catch (error) {
      this.logger.warn(
        `Connecting a ${pending.purpose} account failed: ${describeTwitchError(error)}`,
      );
      back({ error: 'exchange_failed' });
    }
  }

  @Post('device')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Connects an account by device code (headless setups): show userCode and verificationUri, then poll the flow.',
  })
  @ApiCreatedResponse({ type: DeviceConnectFlowDto })
  startDevice(
    @Body() body: StartDeviceConnectDto,
    @CurrentMember() member: SessionMember,
  ): Promise<DeviceConnectFlow> {
    return this.deviceFlows.start(body.purpose, member.id);
  }

  @Get('device/:flowId')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Where a device-code connection stands.' })
  @ApiOkResponse({ type: DeviceConnectFlowDto })
  device(@Param('flowId', new ParseUUIDPipe()) flowId: string): DeviceConnectFlow {
    return this.deviceFlows.get(flowId);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Disconnects an account and revokes its token at Twitch.' })
  @ApiNoContentResponse()
  disconnect(@Param('id', BigIntIdPipe) id: string): Promise<void> {
    return this.accounts.disconnect(id);
  }
}
