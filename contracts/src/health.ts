/** `demo`: Twitch and Discord are simulated in-process; `live`: real credentials are configured. */
export type RunMode = 'demo' | 'live';

export interface HealthInfo {
  status: 'ok';
  name: string;
  version: string;
  mode: RunMode;
  startedAt: string;
  uptimeSeconds: number;
}

export type DependencyStatus = 'up' | 'down';

export interface DatabaseCheck {
  status: DependencyStatus;
  /** `embedded`: the Postgres Integron started itself; `external`: the one named by DATABASE_URL. */
  kind: 'embedded' | 'external';
  latencyMs?: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checkedAt: string;
  checks: {
    database: DatabaseCheck;
  };
}
