import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type SessionMember, type TeamMember } from '@integron/contracts';

import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import {
  buttonNamed,
  byTestId,
  inOverlay,
  overlayElement,
  overlayText,
} from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { ADMIN_PALADIN, OWNER_CAPTAIN } from '../../../testing/session.fixtures';
import { signInAs } from '../../../testing/session.testing';
import {
  ALREADY_A_MEMBER,
  LAST_OWNER,
  NIGHTOWL_MEMBER,
  PALADIN_MEMBER,
  TEAM,
} from '../../../testing/team.fixtures';
import { TEAM_URL, teamMemberUrl } from './team-api.service';
import { TeamComponent } from './team.component';

describe(TeamComponent.name, () => {
  let fixture: ComponentFixture<TeamComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TeamComponent],
      providers: [...pageTestProviders()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  /** The page as `viewer` sees it, with the team the server lists. */
  async function render(viewer: SessionMember, team?: TeamMember[]): Promise<void> {
    await signInAs(viewer);
    fixture = TestBed.createComponent(TeamComponent);
    fixture.detectChanges();
    if (team) {
      http.expectOne(TEAM_URL).flush(team);
      await fixture.whenStable();
    }
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function row(login: string): HTMLElement | undefined {
    return [...page().querySelectorAll<HTMLElement>('tr[mat-row]')].find(
      (each) => each.querySelector('.login')?.textContent.trim() === login,
    );
  }

  /** Opens a mat-select and picks the option labelled `label`. */
  async function choose(select: HTMLElement | null, label: string): Promise<void> {
    select?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    [...overlayElement().querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent.trim() === label)
      ?.click();
    await fixture.whenStable();
  }

  async function optionsOf(select: HTMLElement | null): Promise<string[]> {
    select?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    return [...overlayElement().querySelectorAll('mat-option')].map((option) =>
      option.textContent.trim(),
    );
  }

  async function typeLogin(login: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), 'invite-login');
    if (input) {
      input.value = login;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  it('shows a progress bar, then everyone, saying who has not signed in yet', async () => {
    await render(OWNER_CAPTAIN);
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();

    http.expectOne(TEAM_URL).flush(TEAM);
    await fixture.whenStable();

    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(page().querySelectorAll('tr[mat-row]')).toHaveLength(3);
    expect(row('pixelpaladin')?.textContent).toContain('PixelPaladin');
    expect(row('nightowl')?.textContent).toContain('NightOwl');
    expect(row('nightowl')?.textContent).toContain('Not signed in yet');
    expect(row('pixelpaladin')?.textContent).not.toContain('Not signed in yet');
    expect(row('teamcaptain')?.textContent).toContain('you');
  });

  it('says why the team could not be loaded, and loads it again on Retry', async () => {
    await render(OWNER_CAPTAIN);
    http
      .expectOne(TEAM_URL)
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    expect(byTestId(page(), 'load-error')?.textContent).toContain(
      'Something broke inside Integron.',
    );

    buttonNamed(page(), 'Retry')?.click();
    http.expectOne(TEAM_URL).flush(TEAM);
    await fixture.whenStable();

    expect(byTestId(page(), 'load-error')).toBeNull();
    expect(page().querySelectorAll('tr[mat-row]')).toHaveLength(3);
  });

  it('adds someone by login and role, and shows them at once', async () => {
    await render(
      OWNER_CAPTAIN,
      [TEAM[0], TEAM[1]].filter((member) => member !== undefined),
    );

    await typeLogin('nightowl');
    await choose(byTestId(page(), 'invite-role'), 'Admin');
    byTestId(page(), 'invite-submit')?.click();

    const request = http.expectOne(TEAM_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ login: 'nightowl', role: 'admin' });
    request.flush({ ...NIGHTOWL_MEMBER, role: 'admin' });
    await fixture.whenStable();

    expect(row('nightowl')?.textContent).toContain('Not signed in yet');
    expect(overlayText()).toContain('Added nightowl as Admin.');
    expect(byTestId<HTMLInputElement>(page(), 'invite-login')?.value).toBe('');
  });

  it("shows the server's reason when adding fails, and keeps what was typed", async () => {
    await render(OWNER_CAPTAIN, TEAM);

    await typeLogin('nightowl');
    byTestId(page(), 'invite-submit')?.click();
    http.expectOne(TEAM_URL).flush(ALREADY_A_MEMBER, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(overlayText()).toContain('Could not add nightowl: nightowl is already on the team.');
    expect(byTestId<HTMLInputElement>(page(), 'invite-login')?.value).toBe('nightowl');
    expect(page().querySelectorAll('tr[mat-row]')).toHaveLength(3);
  });

  it('says under the login field when no Twitch user has that login', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    await typeLogin('nobody_here');
    byTestId(page(), 'invite-submit')?.click();
    http.expectOne(TEAM_URL).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'No Twitch user has the login nobody_here.',
        details: [{ field: 'login', message: 'no Twitch user has this login' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(byTestId(page(), 'login-error')?.textContent?.trim()).toBe(
      'No Twitch user has this login.',
    );
    expect(overlayText()).not.toContain('Could not add');
  });

  it('does not send a login Twitch would not accept', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    await typeLogin('not a login!');
    byTestId(page(), 'invite-submit')?.click();
    await fixture.whenStable();

    http.expectNone(TEAM_URL);
    expect(page().querySelector('mat-error')?.textContent).toContain(
      '1 to 25 letters, digits or underscores',
    );
  });

  it('offers an admin neither the owner role nor a way to change or remove an owner', async () => {
    await render(ADMIN_PALADIN, TEAM);

    expect(byTestId(page(), 'role-teamcaptain')?.tagName).toBe('SPAN');
    expect(byTestId(page(), 'role-teamcaptain')?.textContent.trim()).toBe('Owner');
    expect(byTestId(page(), 'remove-teamcaptain')).toBeNull();
    expect(byTestId(page(), 'remove-pixelpaladin')).toBeNull();
    expect(byTestId(page(), 'remove-nightowl')).not.toBeNull();
    expect(await optionsOf(byTestId(page(), 'invite-role'))).toEqual(['Moderator', 'Admin']);
  });

  it('offers an owner every role', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    expect(await optionsOf(byTestId(page(), 'role-nightowl'))).toEqual([
      'Moderator',
      'Admin',
      'Owner',
    ]);
  });

  it('changes a role with the new role only, and shows it', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    await choose(byTestId(page(), 'role-pixelpaladin'), 'Moderator');
    const request = http.expectOne(teamMemberUrl(PALADIN_MEMBER.id));
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ role: 'moderator' });
    request.flush({ ...PALADIN_MEMBER, role: 'moderator' });
    await fixture.whenStable();

    expect(overlayText()).toContain('pixelpaladin is now Moderator.');
    expect(byTestId(page(), 'role-pixelpaladin')?.textContent).toContain('Moderator');
  });

  it('puts the role back and shows why when the server refuses the change', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    await choose(byTestId(page(), 'role-pixelpaladin'), 'Moderator');
    http
      .expectOne(teamMemberUrl(PALADIN_MEMBER.id))
      .flush(LAST_OWNER, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(overlayText()).toContain(
      'Could not change the role of pixelpaladin: The team needs an owner: make someone else owner first.',
    );
    expect(byTestId(page(), 'role-pixelpaladin')?.textContent).toContain('Admin');
  });

  it('removes someone only once confirmed', async () => {
    await render(OWNER_CAPTAIN, TEAM);

    byTestId(page(), 'remove-nightowl')?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Remove nightowl?');
    http.expectNone(teamMemberUrl(NIGHTOWL_MEMBER.id));

    inOverlay('confirm')?.click();
    await fixture.whenStable();
    const request = http.expectOne(teamMemberUrl(NIGHTOWL_MEMBER.id));
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(row('nightowl')).toBeUndefined();
    expect(overlayText()).toContain('Removed nightowl from the team.');
  });
});
