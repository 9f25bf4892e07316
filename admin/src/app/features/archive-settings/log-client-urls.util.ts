import { LOG_API_KEY_HEADER } from '@integron/contracts';

/** Where Chatterino puts the channel's login in a recent-messages URL template. */
export const CHANNEL_PLACEHOLDER = '%1';
/** Stands for the key in URLs shown when the key itself is no longer known. */
export const KEY_PLACEHOLDER = 'YOUR_KEY';

export interface LogClientUrl {
  /** What the URL is for, e.g. "justlog / rustlog base URL". */
  label: string;
  /** What is copied, e.g. "the justlog base URL". */
  what: string;
  url: string;
  hint: string;
  testId: string;
}

/**
 * The URLs people paste into log clients to read this archive: the justlog/rustlog base (the
 * API lives at the root, like justlog's) and Chatterino's recent-messages template. With key
 * access each carries `?key=`, the key when it is known, else a placeholder.
 */
export function logClientUrls(
  origin: string,
  key: { required: boolean; value: string | null },
): LogClientUrl[] {
  const query = key.required ? `?key=${encodeURIComponent(key.value ?? KEY_PLACEHOLDER)}` : '';
  return [
    {
      label: 'justlog / rustlog base URL',
      what: 'the justlog base URL',
      url: `${origin}${query}`,
      hint: 'For log viewers and tools that speak the justlog API (/channels, /list, /channel/…).',
      testId: 'justlog-url',
    },
    {
      label: 'Recent messages URL (Chatterino)',
      what: 'the recent-messages URL',
      url: `${origin}/api/v2/recent-messages/${CHANNEL_PLACEHOLDER}${query}`,
      hint: `Chatterino replaces ${CHANNEL_PLACEHOLDER} with the channel's login; the same API as recent-messages v2.`,
      testId: 'recent-messages-url',
    },
  ];
}

/** How a client that cannot put the key in its URL sends it instead. */
export const KEY_HEADER_HINT = `Clients that set headers can send the key in the ${LOG_API_KEY_HEADER} header instead.`;
