import { type Channel, type IssuedOverlayKey, type OverlayKey } from '@integron/contracts';

export const RETIRED_CHANNEL: Channel = {
  id: '41',
  twitchId: '100009',
  login: 'oldshow',
  displayName: 'OldShow',
  isActive: false,
  createdAt: '2026-10-01T10:00:00.000Z',
};

export const CAPTAIN_CHANNEL: Channel = {
  id: '42',
  twitchId: '100001',
  login: 'teamcaptain',
  displayName: 'TeamCaptain',
  isActive: true,
  createdAt: '2026-11-10T12:00:00.000Z',
};

export const ALERTS_KEY: OverlayKey = {
  id: '7',
  channelId: CAPTAIN_CHANNEL.id,
  name: 'Main scene alerts',
  prefix: 'ovk_3fZq9a',
  createdAt: '2026-11-12T09:00:00.000Z',
  lastUsedAt: '2026-11-21T20:15:00.000Z',
};

export const ISSUED_CHAT_KEY: IssuedOverlayKey = {
  id: '8',
  channelId: CAPTAIN_CHANNEL.id,
  name: 'Chat box',
  prefix: 'ovk_Hx81Lm',
  createdAt: '2026-11-22T08:05:00.000Z',
  lastUsedAt: null,
  key: 'ovk_Hx81Lm4pQzT0sVbN7wYc2eRfKu9jDa',
  overlayUrl: 'http://localhost:3000/overlay/?key=ovk_Hx81Lm4pQzT0sVbN7wYc2eRfKu9jDa',
};
