import { describe, expect, it } from 'vitest';
import { type Actor, decide, procedurePolicy, routePolicy, scopeOf } from './policy';

const actor = (role: Actor['roles'][number]['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  roles: [{ role, agencyId: 'agency-a' }],
  territoryIds: ['t1'],
  ...extra,
});

describe('policy', () => {
  it('lets anyone read the public directory and nothing else', () => {
    expect(decide(null, 'directory', 'read')).toBe(true);
    expect(decide(null, 'directory', 'update')).toBe(false);
    expect(decide(null, 'conference', 'read', { participantUserIds: ['u1'] })).toBe(false);
    expect(scopeOf(null, 'territory', 'read')).toBeNull();
  });

  it('limits a networker to their own territories', () => {
    expect(decide(actor('networker'), 'partner_institution', 'update', { territoryIds: ['t1'] })).toBe(true);
    expect(decide(actor('networker'), 'partner_institution', 'update', { territoryIds: ['t2'] })).toBe(false);
    expect(scopeOf(actor('networker'), 'territory', 'read')).toBe('own_territory');
  });

  it('shows case data to participants and to organisers of the owning agency only', () => {
    const conference = { agencyId: 'agency-b', participantUserIds: ['u2'] };
    expect(decide(actor('partner'), 'conference', 'read', conference)).toBe(false);
    expect(decide(actor('partner', { userId: 'u2' }), 'conference', 'read', conference)).toBe(true);
    expect(decide(actor('organiser'), 'conference', 'read', conference)).toBe(false);
    expect(decide(actor('organiser'), 'conference', 'read', { ...conference, agencyId: 'agency-a' })).toBe(
      true,
    );
  });

  it('gives administrators no case data', () => {
    expect(
      decide(actor('admin'), 'conference', 'read', { agencyId: 'agency-a', participantUserIds: [] }),
    ).toBe(false);
    expect(scopeOf(actor('admin'), 'conference', 'read')).toBeNull();
    expect(scopeOf(actor('admin'), 'territory', 'read')).toBe('all');
  });

  it('takes the widest scope across several memberships', () => {
    const both: Actor = {
      userId: 'u1',
      roles: [
        { role: 'partner', agencyId: 'agency-a' },
        { role: 'organiser', agencyId: 'agency-b' },
      ],
      territoryIds: [],
    };
    expect(scopeOf(both, 'conference', 'read')).toBe('own_agency');
    expect(decide(both, 'conference', 'read', { agencyId: 'agency-b' })).toBe(true);
    expect(decide(both, 'conference', 'read', { agencyId: 'agency-a' })).toBe(false);
  });

  it('lets coordinators import into their own territories and administrators anywhere, nobody else', () => {
    const inside = { territoryIds: ['t1'] };
    const outside = { territoryIds: ['t2'] };
    expect(decide(null, 'directory_import', 'create', inside)).toBe(false);
    expect(scopeOf(null, 'directory_import', 'create')).toBeNull();
    for (const role of ['networker', 'organiser', 'partner'] as const) {
      expect(decide(actor(role), 'directory_import', 'create', inside), role).toBe(false);
      expect(scopeOf(actor(role), 'directory_import', 'create'), role).toBeNull();
      expect(scopeOf(actor(role), 'directory_import', 'read'), role).toBeNull();
    }
    expect(decide(actor('coordinator'), 'directory_import', 'create', inside)).toBe(true);
    expect(decide(actor('coordinator'), 'directory_import', 'create', outside)).toBe(false);
    // A location in no territory at all is outside every coordinator's.
    expect(decide(actor('coordinator'), 'directory_import', 'create', { territoryIds: [] })).toBe(false);
    expect(decide(actor('admin'), 'directory_import', 'create', outside)).toBe(true);
    expect(decide(actor('admin'), 'directory_import', 'create', { territoryIds: [] })).toBe(true);
    expect(scopeOf(actor('coordinator'), 'directory_import', 'read')).toBe('own_territory');
    expect(scopeOf(actor('admin'), 'directory_import', 'read')).toBe('all');
    expect(routePolicy('POST', '/api/imports/hsds')).toMatchObject({
      resource: 'directory_import',
      action: 'create',
    });
  });

  it('finds a policy only for a listed path, never an inherited property', () => {
    expect(procedurePolicy('conference.upcoming')).toEqual({ resource: 'conference', action: 'read' });
    for (const path of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'conference']) {
      expect(procedurePolicy(path), path).toBeUndefined();
    }
    expect(routePolicy('GET', '/healthz')).toMatchObject({ access: 'public' });
    expect(routePolicy('POST', '/healthz')).toBeUndefined();
  });
});
