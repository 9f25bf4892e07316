import { type Logger } from '@nestjs/common';
import { scrubSecrets } from '../../logging/secrets.js';

/** @d-fischer/logger's levels: 0 critical … 2 warning, 3 info, 4 debug, 7 trace. */
const TWURPLE_WARNING = 2;
const TWURPLE_INFO = 3;

/** What twurple's `logger` option takes. */
export interface TwurpleLogOptions {
  custom: (level: number, message: string) => void;
}

/**
 * twurple's lines, scrubbed (and without `withheld` anywhere), into `logger`; its debug and trace
 * lines quote every message. Failed calls are left to the handlers that report them, since
 * twurple's own line quotes the request.
 */
export function twurpleLog(logger: Logger, withheld: readonly string[] = []): TwurpleLogOptions {
  return {
    custom: (level, message) => {
      if (level > TWURPLE_INFO || message.includes('Encountered HTTP status code')) return;
      const scrubbed = withheld.reduce(
        (text, secret) => text.replaceAll(secret, '[redacted]'),
        scrubSecrets(message),
      );
      const text = `twurple: ${scrubbed}`;
      if (level <= TWURPLE_WARNING) logger.warn(text);
      else logger.debug(text);
    },
  };
}
