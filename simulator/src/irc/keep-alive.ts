/** How the chat server makes sure a silent client is still there (PROTOCOL C9). */
export interface KeepAliveOptions {
  /** Silence from the client after which the server sends `PING :tmi.twitch.tv`. */
  idleMs: number;
  /** How long the client then has to answer with a `PONG` before it is dropped. */
  pongTimeoutMs: number;
}

/**
 * Twitch's timings are not documented; these are in line with what clients do themselves
 * (tmi.js pings every 60 s, twurple after 60 s of silence and waits 10 s for the answer).
 */
export const TWITCH_KEEP_ALIVE: KeepAliveOptions = { idleMs: 5 * 60_000, pongTimeoutMs: 10_000 };

/** `PONG`, with or without tags, prefix or parameters: tmi.js answers a bare `PONG`. */
const PONG = /^(?:@\S* +)?(?::\S* +)?PONG(?: |$)/i;

/** One connection's timers: PING after `idleMs` of silence, drop if no PONG follows in time. */
export class KeepAlive {
  /** PONGs received in answer to the server's PINGs. */
  answered = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private pongTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: KeepAliveOptions,
    private readonly ping: () => void,
    private readonly drop: () => void,
  ) {
    this.restartIdleTimer();
  }

  /** Every line the client sends. */
  heard(line: string): void {
    if (this.pongTimer !== null) {
      // Only a PONG answers a PING; other lines do not prove the client reads.
      if (!PONG.test(line)) return;
      clearTimeout(this.pongTimer);
      this.pongTimer = null;
      this.answered++;
    }
    this.restartIdleTimer();
  }

  stop(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    if (this.pongTimer !== null) clearTimeout(this.pongTimer);
    this.idleTimer = null;
    this.pongTimer = null;
  }

  private restartIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.pingNow(), this.options.idleMs);
  }

  private pingNow(): void {
    this.idleTimer = null;
    this.pongTimer = setTimeout(() => {
      this.pongTimer = null;
      this.drop();
    }, this.options.pongTimeoutMs);
    this.ping();
  }
}
