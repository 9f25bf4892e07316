import { makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { type Provider } from '@nestjs/common';

export const CHAT_LINES_METRIC = 'integron_chat_events_total';

export const TWITCH_METRIC_PROVIDERS: Provider[] = [
  makeCounterProvider({
    name: CHAT_LINES_METRIC,
    help: 'Chat events normalised from IRC: published on the bus, or dropped as a duplicate (a reconnect overlap).',
    labelNames: ['outcome'],
  }),
];
