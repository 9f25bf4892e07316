import { randomBytes, randomInt } from 'node:crypto';
import { type Clock } from '../../world/clock.js';
import { type Grant } from './authorization-codes.js';

export interface DeviceAuthorization {
  deviceCode: string;
  /** What the person types in on the activation page. */
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  decision: { approvedBy: string } | 'denied' | 'undecided';
}

export type DevicePoll =
  | { state: 'pending' }
  | { state: 'denied' }
  | { state: 'invalid' }
  | { state: 'approved'; grant: Grant };

export const DEVICE_CODE_LIFETIME_S = 30 * 60;
export const DEVICE_POLL_INTERVAL_S = 5;
const USER_CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The device-code flow: a device waits while a person approves its code elsewhere. */
export class DeviceAuthorizations {
  private readonly byDeviceCode = new Map<string, DeviceAuthorization>();

  constructor(private readonly clock: Clock) {}

  start(clientId: string, scopes: string[]): DeviceAuthorization {
    const authorization: DeviceAuthorization = {
      deviceCode: randomBytes(20).toString('hex'),
      userCode: Array.from({ length: 8 }, () => USER_CODE_LETTERS[randomInt(24)]).join(''),
      clientId,
      scopes,
      expiresAt: this.clock.now() + DEVICE_CODE_LIFETIME_S * 1000,
      decision: 'undecided',
    };
    this.byDeviceCode.set(authorization.deviceCode, authorization);
    return authorization;
  }

  /** The authorization waiting for a person's decision under this user code. */
  undecided(userCode: string): DeviceAuthorization | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.byDeviceCode.values()].find(
      (a) => a.userCode === wanted && a.decision === 'undecided' && !this.expired(a),
    );
  }

  /** Records a person's decision; `false` when no undecided, unexpired code matches. */
  decide(userCode: string, decision: { approvedBy: string } | 'denied'): boolean {
    const authorization = this.undecided(userCode);
    if (authorization) authorization.decision = decision;
    return authorization !== undefined;
  }

  /** What the device learns when it polls; an approval is handed out once. */
  poll(deviceCode: string, clientId: string): DevicePoll {
    const authorization = this.byDeviceCode.get(deviceCode);
    if (authorization?.clientId !== clientId || this.expired(authorization)) {
      return { state: 'invalid' };
    }
    const { decision } = authorization;
    if (decision === 'undecided') return { state: 'pending' };
    this.byDeviceCode.delete(deviceCode);
    if (decision === 'denied') return { state: 'denied' };
    const grant = { clientId, userId: decision.approvedBy, scopes: authorization.scopes };
    return { state: 'approved', grant };
  }

  private expired(authorization: DeviceAuthorization): boolean {
    return authorization.expiresAt <= this.clock.now();
  }
}
