import { type Simulator } from '@integron/simulator';

/**
 * A person at the simulated id.twitch.tv consent page: picks `login` (created if new) and
 * approves, or cancels. Returns where Twitch sends the browser back to.
 */
export async function answerTwitchConsent(
  simulator: Simulator,
  authorizeUrl: URL,
  answer: { login: string } | 'cancel',
): Promise<URL> {
  const form = new URLSearchParams(authorizeUrl.searchParams);
  if (answer === 'cancel') form.set('cancel', '1');
  else form.set('user_id', simulator.twitch.world.ensureUser(answer.login).id);
  const response = await fetch(new URL('/auth/authorize', authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location)
    throw new Error(`The consent page answered ${response.status}: ${await response.text()}`);
  return new URL(location);
}
