// `npm run sim -- [options]`: the simulator's CLI, built first when needed.
import { buildProjects, root } from './build-projects.mjs';

buildProjects(['@integron/simulator'], { quiet: true });
await import(`${root}simulator/dist/cli.js`);
