import { type ChannelChatState } from '@integron/contracts';

export interface ChannelStateView {
  label: string;
  icon: string;
  /** Colour of its chip. */
  tone: 'ok' | 'busy' | 'warn' | 'error' | 'off';
}

export function channelStateView(state: ChannelChatState): ChannelStateView {
  switch (state) {
    case 'joined':
      return { label: 'Joined', icon: 'check_circle', tone: 'ok' };
    case 'joining':
      return { label: 'Joining…', icon: 'pending', tone: 'busy' };
    case 'reconnecting':
      return { label: 'Reconnecting', icon: 'sync', tone: 'warn' };
    case 'failed':
      return { label: 'Failed', icon: 'error', tone: 'error' };
    case 'parted':
      return { label: 'Not joined', icon: 'pause_circle', tone: 'off' };
  }
}
