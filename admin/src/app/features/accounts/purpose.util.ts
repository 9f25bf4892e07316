import { type TwitchAccountPurpose } from '@integron/contracts';

export function purposeLabel(purpose: TwitchAccountPurpose): string {
  switch (purpose) {
    case 'broadcaster':
      return 'Broadcaster';
    case 'bot':
      return 'Bot';
  }
}

/** What connecting an account of this purpose lets Integron do, in one line. */
export function purposeDescription(purpose: TwitchAccountPurpose): string {
  switch (purpose) {
    case 'broadcaster':
      return "The channel's own account: Integron reads its chat and events and moderates for it.";
    case 'bot':
      return 'The account Integron chats as.';
  }
}
