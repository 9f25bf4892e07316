/**
 * A local, protocol-faithful Twitch (IRC chat, Helix + OAuth, EventSub over webhooks and
 * WebSocket) and Discord (REST + OAuth2), with a seeded traffic generator: for tests, demo mode
 * and benchmarks. Nothing in Integron's production paths uses it.
 */
export { Simulator, type SimulatorOptions } from './simulator.js';
export { SimulatedTwitch, type SimulatedTwitchOptions } from './twitch/simulated-twitch.js';
export { HappeningFactory } from './twitch/happening-factory.js';
export type * from './twitch/happenings.js';
export {
  DEFAULT_MIX,
  exclusiveMix,
  TrafficGenerator,
  type TrafficGeneratorOptions,
  type TrafficKind,
  type TrafficMix,
  type TrafficStats,
} from './generator/traffic-generator.js';
export { populate, type Population, type PopulationOptions } from './world/population.js';
export {
  TwitchWorld,
  type SimUser,
  type SimChannel,
  type SimApp,
  type IssuedToken,
} from './world/twitch-world.js';
export { SeededRandom } from './world/random.js';
export { ManualClock, systemClock, type Clock } from './world/clock.js';
export { TwitchChatServer } from './irc/chat-server.js';
export { type KeepAliveOptions, TWITCH_KEEP_ALIVE } from './irc/keep-alive.js';
export { TwitchApiServer } from './helix/twitch-api-server.js';
export { EventSubService } from './eventsub/eventsub-service.js';
export {
  EventSubWebSocketServer,
  type EventSubWebSocketOptions,
  type WebSocketSessionSnapshot,
} from './eventsub/eventsub-ws-server.js';
export { WEBSOCKET_CLOSE_REASONS, type WebSocketCloseCode } from './eventsub/eventsub-ws-close.js';
export { DiscordServer, type DiscordServerOptions } from './discord/discord-server.js';
export { DiscordWorld } from './discord/discord-world.js';
export { renderIrc } from './irc/irc-render.js';
export { renderEventSub } from './eventsub/eventsub-render.js';
