import { type RequestHandler, type Response } from 'express';
import { type DiscordError, discordErrors } from '../discord-error.js';
import { type Faults, type FaultSpec } from '../faults.js';
import { sendRateLimited } from './rate-limits.js';

const CLOUDFLARE_BAD_GATEWAY = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>cloudflare</center>
</body>
</html>
`;

const ENVOY_OVERFLOW =
  'upstream connect error or disconnect/reset before headers. reset reason: overflow';

/** Answers a request that matches an injected fault the way Discord's edge would. */
export function injectFaults(faults: Faults): RequestHandler {
  return (req, res, next) => {
    const fault = faults.take(req.method, req.path);
    if (fault) answer(res, fault);
    else next();
  };
}

function answer(res: Response, fault: FaultSpec): void {
  const send = (error: DiscordError) => res.status(error.status).json(error.body);
  switch (fault.status) {
    case 429:
      sendRateLimited(res, fault.retryAfter ?? 1, fault.global ? 'global' : 'shared');
      return;
    case 403:
      send(discordErrors.missingPermissions());
      return;
    case 404:
      send(discordErrors.unknownChannel());
      return;
    case 500:
      send(discordErrors.internal());
      return;
    case 502:
      res.status(502).type('html').send(CLOUDFLARE_BAD_GATEWAY);
      return;
    case 503:
      res.status(503).type('text/plain').send(ENVOY_OVERFLOW);
      return;
  }
}
