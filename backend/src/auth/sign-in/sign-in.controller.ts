import { PUBLIC_ADMIN_PATHS, type SessionMember } from '@integron/contracts';
import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { Public, RequireRole } from '../auth-policy.js';
import { CurrentMember } from '../request-context.js';
import { SessionsService } from '../session/sessions.service.js';
import { TeamService } from '../team/team.service.js';
import { SessionMemberDto } from './session-member.dto.js';
import { SIGN_IN_THROTTLE } from './sign-in-throttle.constant.js';
import { type SignInAttempt, TwitchSignInGuard } from './twitch-sign-in.guard.js';

@ApiTags('auth')
@Controller('api/auth')
export class SignInController {
  constructor(
    private readonly team: TeamService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  @Get('twitch')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  @UseGuards(TwitchSignInGuard)
  @ApiOperation({ summary: 'Starts "Sign in with Twitch": redirects to Twitch.' })
  startSignIn(): void {
    // The guard has redirected to Twitch.
  }

  @Get('twitch/callback')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  @UseGuards(TwitchSignInGuard)
  @ApiExcludeEndpoint()
  async finishSignIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const attempt = request.user as SignInAttempt;
    if ('error' in attempt)
      return response.redirect(`/${PUBLIC_ADMIN_PATHS.signIn}?error=${attempt.error}`);
    const outcome = await this.team.signIn(attempt.profile);
    if (outcome.kind === 'not_a_member') {
      return response.redirect(
        `/${PUBLIC_ADMIN_PATHS.notAMember}?login=${encodeURIComponent(outcome.login)}`,
      );
    }
    await this.sessions.start(request, response, outcome.member);
    response.redirect('/dashboard');
  }

  @Get('me')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Who is signed in. Also (re)sets the XSRF-TOKEN cookie.' })
  @ApiOkResponse({ type: SessionMemberDto })
  me(
    @CurrentMember() member: SessionMember,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): SessionMember {
    this.sessions.refreshCsrfCookie(request, response);
    return member;
  }

  @Post('logout')
  @HttpCode(204)
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Signs out: ends this session.' })
  @ApiNoContentResponse()
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    return this.sessions.end(request, response);
  }
}
