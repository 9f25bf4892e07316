import { scopesForEveryType } from '../eventsub/subscription-types.js';
import { Simulator } from '../simulator.js';
import { type SimApp } from '../world/twitch-world.js';
import { type CliOptions, DEFAULT_API_PORT } from './cli-options.js';
import { envLines, integronRedirectUris, integronSettings } from './integron-settings.js';

const CHAT_SCOPES = ['chat:read', 'chat:edit', 'user:manage:chat_color'];
/** Tokens printed for broadcasters and bots also grant every EventSub type's scopes. */
const TOKEN_SCOPES = [...new Set([...CHAT_SCOPES, ...scopesForEveryType()])];
const STATS_EVERY_MS = 5_000;

/** The first line of the block a person pastes into Integron's `.env`. */
export const ENV_BLOCK_HEADING =
  '# Integron in live mode against this simulator: paste into .env (or set in the environment), then npm start';

/** A start that failed for a reason a person can fix with an option. */
export class CliStartError extends Error {
  override name = 'CliStartError';
}

/** `npm run sim`: the simulator with Integron's application registered, and what it printed. */
export class SimulatorCli {
  private statsTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly simulator: Simulator,
    /** Integron's application at the simulated Twitch. */
    readonly app: SimApp,
  ) {}

  /** Starts everything `options` ask for and prints, through `print`, how to use it. */
  static async start(
    options: CliOptions,
    print: (line: string) => void = console.log,
  ): Promise<SimulatorCli> {
    const simulator = await Simulator.start({
      seed: options.seed,
      chat: { host: options.chatHost, tcpPort: options.chatPort, wsPort: options.wsPort },
      apiPort: options.apiPort,
      discord: { port: options.discordPort },
      population: { channels: options.channels, chatters: options.chatters },
      deliveryUrl: options.eventsubTo === undefined ? undefined : atOrigin(options.eventsubTo),
      onError: (error) => console.error('EventSub delivery failed:', error),
    }).catch((error: unknown) => {
      throw startFailure(error, options);
    });
    const app = simulator.twitch.world.registerApp({
      name: 'Integron',
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUris: integronRedirectUris(options.publicUrl),
    });
    const cli = new SimulatorCli(simulator, app);
    for (const line of cli.describe(options)) print(line);
    if (options.traffic && options.rate > 0) cli.startTraffic(options, print);
    return cli;
  }

  async stop(): Promise<void> {
    clearInterval(this.statsTimer);
    await this.simulator.stop();
  }

  private describe(options: CliOptions): string[] {
    const { twitch, discord, population } = this.simulator;
    const { app } = this;
    const users = [
      ...population.channels.map((channel) => ({ role: 'channel', user: channel.broadcaster })),
      ...population.bots.map((user) => ({ role: 'bot', user })),
    ];
    const [firstUri, ...otherUris] = app.redirectUris;
    const settings = integronSettings({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      apiPort: twitch.api.port,
      chatHost: twitch.chat.host,
      chatPort: twitch.chat.tcpPort,
      publicUrl: options.publicUrl,
    });
    return [
      `Simulated Twitch (seed ${options.seed}): ${count(population.channels.length, 'channel')}, ` +
        `${count(population.chatters.length, 'chatter')}, ${count(population.bots.length, 'bot')}`,
      `IRC (TCP)        ${twitch.chat.host}:${twitch.chat.tcpPort}`,
      ...(twitch.chat.wsUrl ? [`IRC (WebSocket)  ${twitch.chat.wsUrl}`] : []),
      `Twitch API       ${twitch.api.baseUrl}  (TWURPLE_MOCK_API_PORT=${twitch.api.port})`,
      // twurple's EventSubWsListener goes there by itself once TWURPLE_MOCK_API_PORT is set.
      `EventSub (WS)    ${twitch.api.eventSubWsUrl}`,
      ...(discord ? [`Discord REST     ${discord.apiBaseUrl}`] : []),
      `Twitch app       "${app.name}": client id ${app.clientId}, secret ${app.clientSecret}`,
      `  redirect URIs  ${firstUri}`,
      ...otherUris.map((uri) => `                 ${uri}`),
      'Chat tokens (chat and every EventSub scope):',
      ...users.map(({ role, user }) => {
        const token = twitch.world.tokens.issueUserToken(app.clientId, user.id, TOKEN_SCOPES);
        return `  ${role.padEnd(8)} ${user.login.padEnd(20)} id ${user.id.padEnd(8)} token ${token.accessToken}`;
      }),
      '',
      ENV_BLOCK_HEADING,
      ...envLines(settings.env),
      '',
      ...settings.notes,
      `Then open ${options.publicUrl}/, sign in with Twitch on this simulator's page (it lists its users), ` +
        `and add channels by login: ${population.channels.map((channel) => channel.broadcaster.login).join(', ')}.`,
      ...this.keepingTheSettings(options),
    ];
  }

  /** What to pass so that the printed settings stay valid across restarts. */
  private keepingTheSettings(options: CliOptions): string[] {
    const lines: string[] = [];
    if (options.clientId === undefined) {
      lines.push(
        'The client id and secret follow from --seed, --channels and --chatters; to keep them whatever those are, start with',
        `  npm run sim -- --client-id ${this.app.clientId} --client-secret ${this.app.clientSecret}`,
      );
    }
    if (options.apiPort === 0) {
      lines.push(
        `The API port is new on each start: pass --api-port ${this.simulator.twitch.api.port} (or leave the default, ${DEFAULT_API_PORT}) to keep TWURPLE_MOCK_API_PORT valid.`,
      );
    }
    return lines;
  }

  private startTraffic(options: CliOptions, print: (line: string) => void): void {
    const traffic = this.simulator.traffic({
      rate: options.rate,
      mix: options.mix,
      startLive: true,
    });
    traffic.start();
    print(`Generating ${options.rate} happenings/s (seed ${options.seed}); Ctrl-C to stop.`);
    this.statsTimer = setInterval(() => {
      const stats = traffic.stats();
      print(`${stats.total} happenings, ${Math.round(stats.ratePerSecond)}/s`);
    }, STATS_EVERY_MS).unref();
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Delivers to `origin`, keeping the path and query of the advertised callback. */
function atOrigin(origin: string) {
  return (callback: string): string => {
    const { pathname, search } = new URL(callback);
    return new URL(`${pathname}${search}`, origin).href;
  };
}

/** A taken port, said with the option that frees it; anything else as it came. */
function startFailure(error: unknown, options: CliOptions): unknown {
  const { code, port, address } = error as { code?: string; port?: number; address?: string };
  if (code !== 'EADDRINUSE') return error;
  if (port === options.chatPort) {
    return new CliStartError(
      `${options.chatHost}:${port} is taken (Integron's demo mode, or another simulator?): pass --chat-host ` +
        "with another 127.x.y.z address, and set Integron's TWITCH_CHAT_HOST to it.",
    );
  }
  if (port === options.apiPort) {
    return new CliStartError(
      `Port ${port} on localhost is taken (another simulator?): pass --api-port with a free port ` +
        "(0 for any), and set Integron's TWURPLE_MOCK_API_PORT to it.",
    );
  }
  return new CliStartError(
    `${address}:${port} is taken: pass another --ws-port or --discord-port (0 for any free port).`,
  );
}
