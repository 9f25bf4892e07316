import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type ChatLine } from '@integron/contracts';

import {
  DELETED_SPAM_MESSAGE,
  EMOJI_EMOTE_LINE,
  HELLO_LINE,
  SALLY_USER,
  chatLine,
} from '../../testing/archive.fixtures';
import { byTestId } from '../../testing/overlay.testing';
import { pageTestProviders } from '../../testing/page.testing';
import { ChatMessageComponent } from './chat-message.component';

describe(ChatMessageComponent.name, () => {
  let fixture: ComponentFixture<ChatMessageComponent>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: pageTestProviders() });
  });

  async function render(
    line: ChatLine,
    inputs: Record<string, unknown> = {},
  ): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ChatMessageComponent);
    fixture.componentRef.setInput('line', line);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('links the author to their profile, in their colour, with their badges', async () => {
    const host = await render(HELLO_LINE);

    const author = byTestId<HTMLAnchorElement>(host, 'line-author');
    expect(author?.textContent.trim()).toBe('LurkerLou');
    expect(author?.getAttribute('href')).toBe('/users/300001');
    expect(author?.style.getPropertyValue('--user-color')).toBe('#1E90FF');
    expect(host.querySelector('[data-badge="subscriber"]')?.getAttribute('aria-label')).toBe(
      'Subscriber (12)',
    );
    expect(byTestId(host, 'line-text')?.textContent.trim()).toBe('hello chat');
  });

  it('shows emotes after an emoji as images, and their text when an image does not load', async () => {
    const host = await render(EMOJI_EMOTE_LINE);
    const images = [...host.querySelectorAll<HTMLImageElement>('img.emote')];
    expect(images.map((image) => image.alt)).toEqual(['Kappa', 'Kappa']);
    expect(byTestId(host, 'line-text')?.textContent).toContain('🎉');

    images[0]?.dispatchEvent(new Event('error'));
    await fixture.whenStable();

    expect(host.querySelectorAll('img.emote')).toHaveLength(0);
    expect(byTestId(host, 'line-text')?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      '🎉 Kappa hi Kappa',
    );
  });

  it('strikes a deleted line through and says when and by whom', async () => {
    const host = await render(DELETED_SPAM_MESSAGE, {
      deletedAt: DELETED_SPAM_MESSAGE.deletedAt,
      deletedBy: SALLY_USER,
    });

    expect(host.querySelector('.line--deleted')).not.toBeNull();
    expect(byTestId(host, 'line-deleted')?.textContent).toContain('by SpeedrunSally');
    expect(byTestId(host, 'line-first')?.textContent).toContain('First message');
  });

  it('shows /me in italics without a colon, bits, and the channel when asked', async () => {
    const host = await render(
      chatLine({ twitchMessageId: 'a', text: 'dances', isAction: true, bits: 100 }),
      { showChannel: true },
    );

    expect(byTestId(host, 'line-text')?.classList).toContain('text--action');
    expect(host.querySelector('.colon')).toBeNull();
    expect(byTestId(host, 'line-bits')?.textContent.trim()).toBe('100 bits');
    expect(byTestId(host, 'line-channel')?.textContent.trim()).toBe('#teamcaptain');
  });

  it('shows what Twitch says for a notice, and names a login that differs from the display name', async () => {
    const host = await render(
      chatLine({
        twitchMessageId: 'n',
        kind: 'notice',
        noticeType: 'resub',
        systemText: 'LurkerLou subscribed for 12 months!',
        text: 'love this channel',
        user: { id: '5', login: 'kimchi', displayName: '김치' },
      }),
    );

    expect(byTestId(host, 'line-system')?.textContent).toContain(
      'LurkerLou subscribed for 12 months!',
    );
    expect(byTestId(host, 'line-author')?.textContent.trim()).toBe('김치 (kimchi)');
  });
});
