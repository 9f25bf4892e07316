import { type ModActionType, type ReviewStatus } from '@integron/contracts';

export function modActionTypeLabel(type: ModActionType): string {
  switch (type) {
    case 'ban':
      return 'Ban';
    case 'timeout':
      return 'Timeout';
    case 'unban':
      return 'Unban';
    case 'untimeout':
      return 'Timeout lifted';
    case 'delete':
      return 'Message deleted';
    case 'clear':
      return 'Chat cleared';
  }
}

/** Material Symbols ligature for each type. */
export function modActionTypeIcon(type: ModActionType): string {
  switch (type) {
    case 'ban':
      return 'block';
    case 'timeout':
      return 'timer';
    case 'unban':
    case 'untimeout':
      return 'lock_open';
    case 'delete':
      return 'delete';
    case 'clear':
      return 'mop';
  }
}

export function reviewStatusLabel(status: ReviewStatus): string {
  switch (status) {
    case 'pending':
      return 'Pending review';
    case 'ok':
      return 'OK';
    case 'flagged':
      return 'Flagged';
  }
}

/** `600` → `10 min`, `90` → `1 min 30 s`, `86400` → `1 d`. */
export function formatDuration(seconds: number): string {
  const units = [
    { label: 'd', seconds: 86_400 },
    { label: 'h', seconds: 3_600 },
    { label: 'min', seconds: 60 },
    { label: 's', seconds: 1 },
  ];
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const unit of units) {
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    if (count > 0) {
      parts.push(`${count} ${unit.label}`);
    }
  }
  return parts.slice(0, 2).join(' ') || '0 s';
}

/** `Timeout (10 min)`, `Ban`, … */
export function describeModAction(action: {
  type: ModActionType;
  durationSeconds: number | null;
}): string {
  const label = modActionTypeLabel(action.type);
  return action.type === 'timeout' && action.durationSeconds !== null
    ? `${label} (${formatDuration(action.durationSeconds)})`
    : label;
}

/** "SpeedrunSally timed out spambot9000 for 10 min" — a moderator IRC did not name is "A moderator". */
export function modActionSentence(action: {
  type: ModActionType;
  moderator: { displayName: string } | null;
  target: { displayName: string } | null;
  durationSeconds: number | null;
}): string {
  const who = action.moderator?.displayName ?? 'A moderator';
  const target = action.target?.displayName ?? 'someone';
  switch (action.type) {
    case 'ban':
      return `${who} banned ${target}`;
    case 'timeout':
      return action.durationSeconds === null
        ? `${who} timed out ${target}`
        : `${who} timed out ${target} for ${formatDuration(action.durationSeconds)}`;
    case 'unban':
      return `${who} unbanned ${target}`;
    case 'untimeout':
      return `${who} lifted the timeout of ${target}`;
    case 'delete':
      return `${who} deleted a message of ${target}`;
    case 'clear':
      return `${who} cleared the chat`;
  }
}
