import { KEY_PLACEHOLDER, logClientUrls } from './log-client-urls.util';

describe(logClientUrls.name, () => {
  const origin = 'https://integron.example.org';

  it('gives the origin as justlog base and the recent-messages template while logs are public', () => {
    const urls = logClientUrls(origin, { required: false, value: 'ilk_secret' });

    expect(urls.map((each) => each.url)).toEqual([
      'https://integron.example.org',
      'https://integron.example.org/api/v2/recent-messages/%1',
    ]);
  });

  it('puts the key into each URL when access needs it', () => {
    const urls = logClientUrls(origin, { required: true, value: 'ilk_a+b/c' });

    expect(urls.map((each) => each.url)).toEqual([
      'https://integron.example.org?key=ilk_a%2Bb%2Fc',
      'https://integron.example.org/api/v2/recent-messages/%1?key=ilk_a%2Bb%2Fc',
    ]);
  });

  it('holds the place of a key that is no longer shown', () => {
    const [justlog] = logClientUrls(origin, { required: true, value: null });

    expect(justlog?.url).toBe(`${origin}?key=${KEY_PLACEHOLDER}`);
  });
});
