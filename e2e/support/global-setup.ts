import { assertChromiumInstalled } from './chromium.js';

export default function globalSetup(): void {
  assertChromiumInstalled();
}
