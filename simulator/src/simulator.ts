import { DiscordServer } from './discord/discord-server.js';
import { TrafficGenerator, type TrafficGeneratorOptions } from './generator/traffic-generator.js';
import { SimulatedTwitch, type SimulatedTwitchOptions } from './twitch/simulated-twitch.js';
import { populate, type Population, type PopulationOptions } from './world/population.js';

export interface SimulatorOptions extends SimulatedTwitchOptions {
  /** The team and its community; default 3 channels and 200 chatters. */
  population?: PopulationOptions;
  /** Discord REST + OAuth2; `false` leaves it out. Port 0 (default) takes any free port. */
  discord?: { port?: number } | false;
  /** Where a failed EventSub delivery from generated traffic is reported. */
  onError?: (error: unknown) => void;
}

/** The whole outside world Integron talks to, local and seeded: Twitch, Discord and traffic. */
export class Simulator {
  private readonly generators = new Set<TrafficGenerator>();

  private constructor(
    readonly twitch: SimulatedTwitch,
    readonly discord: DiscordServer | null,
    readonly population: Population,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async start(options: SimulatorOptions = {}): Promise<Simulator> {
    const twitch = await SimulatedTwitch.start(options);
    const discord =
      options.discord === false
        ? null
        : await DiscordServer.start({ port: options.discord?.port ?? 0 });
    const population = populate(twitch.world, options.population ?? { channels: 3, chatters: 200 });
    return new Simulator(twitch, discord, population, options.onError ?? (() => undefined));
  }

  /** A traffic generator over this simulator's population; start() it, or generate() on demand. */
  traffic(options: TrafficGeneratorOptions): TrafficGenerator {
    const generator = new TrafficGenerator(
      this.twitch.world,
      this.twitch.events,
      this.population,
      {
        happen: (happening) => this.twitch.happen(happening).catch(this.onError),
      },
      options,
    );
    this.generators.add(generator);
    return generator;
  }

  async stop(): Promise<void> {
    for (const generator of this.generators) generator.stop();
    await Promise.all([this.twitch.stop(), this.discord?.stop()]);
  }
}
