import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { type AppConfig, parseConfig } from './app-config.js';

/**
 * Reads the process environment, completed by `.env` in the working directory when present
 * (variables already set win). The only place in the backend that touches `process.env`.
 */
export function loadConfig(): AppConfig {
  const envFile = resolve(process.cwd(), '.env');
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return parseConfig({ ...fromFile, ...process.env });
}
