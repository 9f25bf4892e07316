import {
  roleAtLeast,
  TEAM_ROLES,
  type SessionMember,
  type TeamMember,
  type TeamRole,
  type UserRef,
} from '@integron/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { isUniqueViolation } from '../../database/postgres-errors.js';
import { ApiError } from '../../http/api-error.js';
import { isBigIntId } from '../../http/bigint-id.pipe.js';
import { describeTwitchError } from '../../twitch/twitch-errors.js';
import { TwitchUsers } from '../../twitch/helix/twitch-users.js';
import { TeamMemberEntity } from './team-member.entity.js';

/** Serialises sign-ins on a fresh install, so exactly one first person becomes owner. */
const FIRST_OWNER_LOCK = 7_365_301_002;

export type SignInOutcome =
  { kind: 'member'; member: SessionMember } | { kind: 'not_a_member'; login: string };

/** Who is on the team and with which role, and who may change that. */
@Injectable()
export class TeamService {
  private readonly logger = new Logger(TeamService.name);

  constructor(
    @InjectRepository(TeamMemberEntity) private readonly members: Repository<TeamMemberEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly twitchUsers: TwitchUsers,
  ) {}

  /**
   * A person who proved their Twitch identity. Members are matched by Twitch id, or by login when
   * invited before their first sign-in. On a fresh install the first person (or OWNER_LOGIN) becomes
   * owner.
   */
  signIn(profile: UserRef): Promise<SignInOutcome> {
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [FIRST_OWNER_LOCK]);
      const repository = db.getRepository(TeamMemberEntity);
      let member =
        (await repository.findOneBy({ twitchUserId: profile.id })) ??
        (await repository.findOneBy({ login: profile.login, twitchUserId: IsNull() }));
      if (!member && (await this.mayBecomeFirstOwner(db, profile.login))) {
        member = repository.create({ login: profile.login, role: 'owner', addedBy: null });
      }
      if (!member) return { kind: 'not_a_member', login: profile.login };
      Object.assign(member, {
        login: profile.login,
        twitchUserId: profile.id,
        displayName: profile.displayName,
        lastSignInAt: new Date(),
      });
      return { kind: 'member', member: toSessionMember(await repository.save(member)) };
    });
  }

  /** The signed-in member behind a session, or `null` if they were removed. */
  async sessionMember(memberId: string): Promise<SessionMember | null> {
    const member = await this.members.findOneBy({ id: memberId });
    return member ? toSessionMember(member) : null;
  }

  async list(): Promise<TeamMember[]> {
    const members = await this.members.find({ order: { login: 'ASC' } });
    return members
      .sort((a, b) => TEAM_ROLES.indexOf(b.role) - TEAM_ROLES.indexOf(a.role))
      .map(toTeamMember);
  }

  /** Adds the Twitch user who has `login` now: bound to their Twitch id, renames cannot swap them. */
  async add(actor: SessionMember, login: string, role: TeamRole): Promise<TeamMember> {
    assertMayGrant(actor, role);
    const user = await this.twitchUser(login);
    const insert = () =>
      this.members.save(
        this.members.create({
          login: user.login,
          twitchUserId: user.id,
          displayName: user.displayName,
          role,
          addedBy: actor.id,
        }),
      );
    try {
      return toTeamMember(await insert());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (!(await this.refreshStaleLogin(user))) throw this.alreadyOnTeam(user);
      try {
        return toTeamMember(await insert());
      } catch (retryError) {
        throw isUniqueViolation(retryError) ? this.alreadyOnTeam(user) : retryError;
      }
    }
  }

  /**
   * A member who renamed on Twitch keeps their old login here until they sign in again, which
   * blocks adding whoever has that login now. Gives them their current login; true if it did.
   */
  private async refreshStaleLogin(newcomer: UserRef): Promise<boolean> {
    const holder = await this.members.findOneBy({ login: newcomer.login });
    if (!holder?.twitchUserId || holder.twitchUserId === newcomer.id) return false;
    const current = await this.twitchUsers.byId(holder.twitchUserId).catch(() => null);
    if (!current || current.login === holder.login) return false;
    await this.members.update(holder.id, {
      login: current.login,
      displayName: current.displayName,
    });
    return true;
  }

  private alreadyOnTeam(user: UserRef): ApiError {
    return new ApiError('CONFLICT', `${user.login} is already on the team.`);
  }

  private async twitchUser(login: string): Promise<UserRef> {
    let user: UserRef | null;
    try {
      user = await this.twitchUsers.byLogin(login.toLowerCase());
    } catch (error) {
      this.logger.warn(`Looking up ${login} on Twitch failed: ${describeTwitchError(error)}`);
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        `Could not ask Twitch who ${login} is. Try again in a moment.`,
      );
    }
    if (!user)
      throw new ApiError('VALIDATION_FAILED', `No Twitch user has the login ${login}.`, [
        { field: 'login', message: 'no Twitch user has this login' },
      ]);
    return user;
  }

  updateRole(actor: SessionMember, id: string, role: TeamRole): Promise<TeamMember> {
    return this.dataSource.transaction(async (db) => {
      const target = await this.lockedMember(db, id);
      assertMayManage(actor, target);
      assertMayGrant(actor, role);
      if (target.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(db, target);
      target.role = role;
      return toTeamMember(await db.getRepository(TeamMemberEntity).save(target));
    });
  }

  remove(actor: SessionMember, id: string): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      const target = await this.lockedMember(db, id);
      if (target.id === actor.id)
        throw new ApiError('FORBIDDEN', 'You cannot remove yourself from the team.');
      assertMayManage(actor, target);
      if (target.role === 'owner') await this.assertAnotherOwner(db, target);
      await db.getRepository(TeamMemberEntity).delete({ id });
      await db.query(`DELETE FROM sessions WHERE sess ->> 'memberId' = $1`, [id]);
    });
  }

  private async mayBecomeFirstOwner(db: EntityManager, login: string): Promise<boolean> {
    const ownerLogin = this.config.auth.ownerLogin;
    if (ownerLogin !== undefined && ownerLogin !== login) return false;
    return !(await db.getRepository(TeamMemberEntity).exists());
  }

  private async lockedMember(db: EntityManager, id: string): Promise<TeamMemberEntity> {
    const member = isBigIntId(id)
      ? await db
          .getRepository(TeamMemberEntity)
          .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!member) throw new ApiError('NOT_FOUND', `No team member with id ${id}.`);
    return member;
  }

  private async assertAnotherOwner(db: EntityManager, owner: TeamMemberEntity): Promise<void> {
    const owners = await db
      .getRepository(TeamMemberEntity)
      .find({ where: { role: 'owner' }, lock: { mode: 'pessimistic_write' } });
    if (!owners.some((other) => other.id !== owner.id)) {
      throw new ApiError('CONFLICT', 'The team needs an owner: make someone else owner first.');
    }
  }
}

function assertMayGrant(actor: SessionMember, role: TeamRole): void {
  if (!roleAtLeast(actor.role, 'admin'))
    throw new ApiError('FORBIDDEN', 'Only admins and owners manage the team.');
  if (role === 'owner' && actor.role !== 'owner')
    throw new ApiError('FORBIDDEN', 'Only an owner can make someone owner.');
}

function assertMayManage(actor: SessionMember, target: TeamMemberEntity): void {
  if (target.role === 'owner' && actor.role !== 'owner') {
    throw new ApiError('FORBIDDEN', 'Only an owner can change or remove an owner.');
  }
}

function toSessionMember(member: TeamMemberEntity): SessionMember {
  return {
    id: member.id,
    twitchUserId: member.twitchUserId ?? '',
    login: member.login,
    displayName: member.displayName ?? member.login,
    role: member.role,
  };
}

function toTeamMember(member: TeamMemberEntity): TeamMember {
  return {
    id: member.id,
    login: member.login,
    displayName: member.displayName,
    twitchUserId: member.twitchUserId,
    role: member.role,
    createdAt: member.createdAt.toISOString(),
    lastSignInAt: member.lastSignInAt?.toISOString() ?? null,
  };
}
