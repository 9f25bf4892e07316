import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { Public } from '../auth/auth-policy.js';
import { SIGN_IN_THROTTLE } from '../auth/sign-in/sign-in-throttle.constant.js';
import { DEMO_TWITCH_PAGES_PATH } from './demo-twitch-pages.constant.js';
import { DemoTwitchPages } from './demo-twitch-pages.service.js';

/** Demo mode only: the simulated Twitch's consent and device pages, on Integron's own address. */
@ApiExcludeController()
@Controller(DEMO_TWITCH_PAGES_PATH)
@Public()
@Throttle(SIGN_IN_THROTTLE)
export class DemoTwitchPagesController {
  constructor(private readonly pages: DemoTwitchPages) {}

  @Get('authorize')
  showConsent(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pages.relay('authorize', request, response);
  }

  @Post('authorize')
  answerConsent(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pages.relay('authorize', request, response);
  }

  @Get('activate')
  showActivation(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pages.relay('activate', request, response);
  }

  @Post('activate')
  answerActivation(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pages.relay('activate', request, response);
  }
}
