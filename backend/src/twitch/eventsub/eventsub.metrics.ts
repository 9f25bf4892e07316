import { type Provider } from '@nestjs/common';
import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const EVENTSUB_NOTIFICATIONS_METRIC = 'integron_eventsub_notifications_total';

export const EVENTSUB_METRIC_PROVIDERS: Provider[] = [
  makeCounterProvider({
    name: EVENTSUB_NOTIFICATIONS_METRIC,
    help: 'EventSub notifications received (over WebSocket or webhooks) and published on the bus, by subscription type.',
    labelNames: ['type'],
  }),
];
