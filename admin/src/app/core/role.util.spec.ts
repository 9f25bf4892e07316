import { navFor, roleLabel } from './role.util';

describe('role.util', () => {
  describe(navFor.name, () => {
    it('gives each role the pages whose least role it has, in sidenav order', () => {
      expect(navFor('moderator').map((entry) => entry.key)).toEqual([
        'dashboard',
        'live',
        'messages',
        'users',
        'moderation',
        'events',
        'viewers',
      ]);
      expect(navFor('admin').map((entry) => entry.key)).toEqual([
        'dashboard',
        'live',
        'messages',
        'users',
        'moderation',
        'events',
        'viewers',
        'channels',
        'archiveSettings',
        'overlays',
        'overlayKeys',
        'testPanel',
        'accounts',
        'team',
      ]);
      expect(navFor('owner')).toEqual(navFor('admin'));
    });

    it('gives nobody no pages', () => {
      expect(navFor(null)).toEqual([]);
      expect(navFor(undefined)).toEqual([]);
    });
  });

  it('names roles for people', () => {
    expect(roleLabel('moderator')).toBe('Moderator');
    expect(roleLabel('owner')).toBe('Owner');
  });
});
