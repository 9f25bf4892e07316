import { Injectable } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { DemoSimulator } from './demo-simulator.js';

/** The simulated id.twitch.tv's pages that a person's browser opens. */
export type DemoTwitchPage = 'authorize' | 'activate';

/** What a browser needs of the simulator's answer; its other headers are the simulator's own business. */
const RELAYED_HEADERS = ['location', 'content-type'] as const;

/**
 * The simulated Twitch listens on loopback only, so in demo mode Integron relays its sign-in and
 * device pages to browsers anywhere. Integron's own calls (tokens, Helix) go to it directly.
 */
@Injectable()
export class DemoTwitchPages {
  private readonly simulatorPagesUrl: string;

  constructor(demo: DemoSimulator) {
    this.simulatorPagesUrl = demo.oauthBaseUrl;
  }

  /** Sends `request` (its query and form) on to `page` and its answer back, redirects unfollowed. */
  async relay(page: DemoTwitchPage, request: Request, response: Response): Promise<void> {
    const target = new URL(`${this.simulatorPagesUrl}/${page}`);
    target.search = new URL(request.originalUrl, 'http://integron.invalid').search;
    const answer = await fetch(target, {
      method: request.method,
      body: request.method === 'POST' ? formOf(request.body) : undefined,
      redirect: 'manual',
    });
    response.status(answer.status);
    for (const name of RELAYED_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) response.setHeader(name, value);
    }
    response.send(Buffer.from(await answer.arrayBuffer()));
  }
}

/** The form fields of a parsed urlencoded body; anything else in it is not a browser's form. */
function formOf(body: unknown): URLSearchParams {
  const form = new URLSearchParams();
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value])
      if (typeof item === 'string') form.append(name, item);
  }
  return form;
}
