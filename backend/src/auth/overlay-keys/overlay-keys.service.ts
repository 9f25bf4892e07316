import { createHash, randomBytes } from 'node:crypto';
import { type IssuedOverlayKey, type OverlayKey, type OverlaySession } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Observable, Subject } from 'rxjs';
import { Repository } from 'typeorm';
import { ChannelsService } from '../../channels/channels.service.js';
import { AppConfig } from '../../config/app-config.js';
import { ApiError } from '../../http/api-error.js';
import { isBigIntId } from '../../http/bigint-id.pipe.js';
import { OverlayKeyEntity } from './overlay-key.entity.js';

const KEY_PREFIX = 'ovk_';
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;

/**
 * Named keys that let an OBS browser source read one channel's overlays and nothing else. Keys
 * are 192 random bits; only their SHA-256 is stored, so a database leak reveals none.
 */
@Injectable()
export class OverlayKeysService {
  private readonly withdrawnKeys = new Subject<string>();
  /** Ids of keys that were just rotated or revoked: whoever holds them must be cut off. */
  readonly withdrawn$: Observable<string> = this.withdrawnKeys.asObservable();

  constructor(
    @InjectRepository(OverlayKeyEntity) private readonly keys: Repository<OverlayKeyEntity>,
    private readonly channels: ChannelsService,
    private readonly config: AppConfig,
  ) {}

  async list(channelId: string): Promise<OverlayKey[]> {
    await this.channels.get(channelId);
    return (await this.keys.find({ where: { channelId }, order: { createdAt: 'ASC' } })).map(
      toOverlayKey,
    );
  }

  async create(channelId: string, name: string): Promise<IssuedOverlayKey> {
    await this.channels.get(channelId);
    const key = newKey();
    const saved = await this.keys.save(
      this.keys.create({
        channelId,
        name,
        keyHash: hash(key),
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      }),
    );
    return this.issued(saved, key);
  }

  /** A new key for the same name; the old one stops working at once. */
  async rotate(id: string): Promise<IssuedOverlayKey> {
    const existing = await this.find(id);
    const key = newKey();
    Object.assign(existing, {
      keyHash: hash(key),
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      lastUsedAt: null,
    });
    const issued = this.issued(await this.keys.save(existing), key);
    this.withdrawnKeys.next(id);
    return issued;
  }

  async revoke(id: string): Promise<void> {
    await this.keys.delete({ id: (await this.find(id)).id });
    this.withdrawnKeys.next(id);
  }

  /** The channel a key grants, or `null` for an unknown (or rotated, or revoked) key. */
  async authenticate(key: string): Promise<OverlaySession | null> {
    if (!key.startsWith(KEY_PREFIX)) return null;
    const found = await this.keys.findOne({
      where: { keyHash: hash(key) },
      relations: { channel: true },
    });
    if (!found?.channel) return null;
    await this.keys.update({ id: found.id }, { lastUsedAt: new Date() });
    const { id, twitchId, login, displayName } = found.channel;
    return { channel: { id, twitchId, login, displayName }, keyId: found.id, keyName: found.name };
  }

  private async find(id: string): Promise<OverlayKeyEntity> {
    const key = isBigIntId(id) ? await this.keys.findOneBy({ id }) : null;
    if (!key) throw new ApiError('NOT_FOUND', `No overlay key with id ${id}.`);
    return key;
  }

  private issued(entity: OverlayKeyEntity, key: string): IssuedOverlayKey {
    return {
      ...toOverlayKey(entity),
      key,
      overlayUrl: `${this.config.http.publicUrl}/overlay/?key=${key}`,
    };
  }
}

function newKey(): string {
  return `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
}

function hash(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

function toOverlayKey(entity: OverlayKeyEntity): OverlayKey {
  return {
    id: entity.id,
    channelId: entity.channelId,
    name: entity.name,
    prefix: entity.prefix,
    createdAt: entity.createdAt.toISOString(),
    lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
  };
}
