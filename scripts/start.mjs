// `npm start`: build what is missing or out of date (Nx's cache makes an up-to-date build take
// seconds), then run the server. Ctrl-C stops the server, which closes Postgres after itself.
import { spawn } from 'node:child_process';
import { PinoPretty } from 'pino-pretty';
import { buildProjects, root } from './build-projects.mjs';

buildProjects(['@integron/backend', '@integron/admin', '@integron/overlays']);

// In its own process group, so a terminal's Ctrl-C reaches it only through us and it can shut
// down in order instead of racing its own database.
const server = spawn(process.execPath, [`${root}backend/dist/main.js`], {
  cwd: root,
  detached: true,
  stdio: ['ignore', process.stdout.isTTY ? 'pipe' : 'inherit', 'inherit'],
});
// A person at a terminal gets readable lines; anything else gets the JSON lines as they are.
server.stdout?.pipe(PinoPretty({ colorize: true, ignore: 'pid,hostname,service' }));

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
