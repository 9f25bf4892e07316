import { OVERLAY_PARAMS } from '@integron/contracts';

import { DEFAULT_OVERLAY_OPTIONS, fitsParam, overlayUrl } from './overlay-url.util';

describe('overlayUrl', () => {
  const origin = 'https://integron.example';

  it('carries only the key when every setting is the default', () => {
    expect(overlayUrl(origin, 'alerts', DEFAULT_OVERLAY_OPTIONS.alerts, { key: 'ovk_abc' })).toBe(
      'https://integron.example/overlay/alerts?key=ovk_abc',
    );
  });

  it('writes the settings that differ, lists with plain commas, the key last', () => {
    const url = overlayUrl(
      origin,
      'feed',
      { max: 25, types: ['chat', 'sub'], newest: 'bottom' },
      { key: 'ovk_abc' },
    );
    expect(url).toBe(
      'https://integron.example/overlay/feed?max=25&types=chat,sub&newest=bottom&key=ovk_abc',
    );
  });

  it('previews a channel by its id instead of a key', () => {
    expect(overlayUrl(origin, 'chat', { max: 10, fade: 0 }, { preview: '7' })).toBe(
      'https://integron.example/overlay/chat?fade=0&preview=7',
    );
  });

  it('escapes what a key or setting could break the URL with', () => {
    expect(overlayUrl(origin, 'alerts', DEFAULT_OVERLAY_OPTIONS.alerts, { key: 'a&b=c' })).toBe(
      'https://integron.example/overlay/alerts?key=a%26b%3Dc',
    );
  });
});

describe('fitsParam', () => {
  it('takes whole numbers in range, and 0 where it means never', () => {
    expect(fitsParam(1_000, OVERLAY_PARAMS.alertDuration)).toBe(true);
    expect(fitsParam(999, OVERLAY_PARAMS.alertDuration)).toBe(false);
    expect(fitsParam(0, OVERLAY_PARAMS.alertDuration)).toBe(false);
    expect(fitsParam(0, OVERLAY_PARAMS.chatFade)).toBe(true);
    expect(fitsParam(2.5, OVERLAY_PARAMS.chatMax)).toBe(false);
    expect(fitsParam(51, OVERLAY_PARAMS.chatMax)).toBe(false);
  });
});
