/** Twitch's capabilities, as bits of a connection's capability set. */
export const Capability = {
  tags: 1,
  commands: 2,
  membership: 4,
} as const;

const BY_NAME: ReadonlyMap<string, number> = new Map([
  ['twitch.tv/tags', Capability.tags],
  ['twitch.tv/commands', Capability.commands],
  ['twitch.tv/membership', Capability.membership],
]);

/** What `CAP LS` lists. */
export const SUPPORTED_CAPABILITIES = [...BY_NAME.keys()].join(' ');

/** The set a `CAP REQ` asks for, or `null` when it names one Twitch does not have. */
export function requestedCapabilities(request: string): number | null {
  let set = 0;
  for (const name of request.split(' ')) {
    if (name === '') continue;
    const bit = BY_NAME.get(name);
    if (bit === undefined) return null;
    set |= bit;
  }
  return set;
}

export function capabilityNames(set: number): string[] {
  return [...BY_NAME].filter(([, bit]) => (set & bit) !== 0).map(([name]) => name);
}
