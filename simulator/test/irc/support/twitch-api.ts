import { EventSubService } from '../../../src/eventsub/eventsub-service.js';
import { TwitchApiServer } from '../../../src/helix/twitch-api-server.js';
import { type TwitchWorld } from '../../../src/world/twitch-world.js';

/**
 * The simulator's id.twitch.tv, where twurple validates a token before it joins chat, with
 * twurple in this process pointed at it.
 */
export async function startTwitchApiFor(world: TwitchWorld): Promise<TwitchApiServer> {
  const api = await TwitchApiServer.start({
    world,
    eventSub: new EventSubService({ world }),
    port: 0,
  });
  process.env.TWURPLE_MOCK_API_PORT = String(api.port);
  return api;
}
