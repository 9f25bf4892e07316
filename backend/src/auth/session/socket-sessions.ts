import { type SessionMember } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { type Socket } from 'socket.io';
import { AppConfig } from '../../config/app-config.js';
import { TeamService } from '../team/team.service.js';
import { SessionMiddleware } from './session.middleware.js';

/** The team member a Socket.io handshake's session cookie belongs to. */
@Injectable()
export class SocketSessions {
  private readonly origin: string;

  constructor(
    private readonly sessions: SessionMiddleware,
    private readonly team: TeamService,
    config: AppConfig,
  ) {
    this.origin = new URL(config.http.publicUrl).origin;
  }

  /**
   * The signed-in member, when the socket comes from the admin's own origin (another site's page
   * must not ride on the cookie); `null` otherwise. Rejects when the session store fails.
   */
  async member(socket: Socket): Promise<SessionMember | null> {
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined && origin !== this.origin) return null;
    const request = socket.request as Request;
    await new Promise<void>((done, failed) =>
      this.sessions.use(request, stubResponse(), (error?: unknown) =>
        error === undefined ? done() : failed(new Error('The session store failed')),
      ),
    );
    const memberId = request.session.memberId;
    return memberId ? this.team.sessionMember(memberId) : null;
  }
}

/** A handshake has no response to set cookies on; sessions are only read here. */
function stubResponse(): Response {
  return {
    getHeader: () => undefined,
    setHeader: () => undefined,
    end: () => undefined,
  } as unknown as Response;
}
