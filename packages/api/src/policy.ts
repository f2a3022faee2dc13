// The one place that decides who may do what. Every protected procedure asks `decide` (or
// `scopeOf` for lists, which then filter by the scope), so access rules are read and tested here.
import type { Role } from '@caremap/db/schema';

export type Resource =
  | 'directory'
  | 'territory'
  | 'partner_institution'
  | 'conference'
  | 'agency'
  | 'app_user'
  | 'audit_log';
export type Action = 'read' | 'create' | 'update' | 'delete';
/**
 * How far a permission reaches, widest last: `participant` (case data of conferences the user takes
 * part in), `own_agency` (rows of the user's agencies), `own_territory` (rows inside territories
 * assigned to the user), `all`.
 */
export type Scope = 'participant' | 'own_agency' | 'own_territory' | 'all';
const scopeRank: Record<Scope, number> = { participant: 1, own_agency: 2, own_territory: 2, all: 3 };

type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

/** Anonymous visitors: the public directory only. */
const anonymous: Grants = { directory: { read: 'all' } };

const byRole: Record<Role, Grants> = {
  networker: {
    directory: { read: 'all', create: 'own_territory', update: 'own_territory' },
    territory: { read: 'own_territory' },
    partner_institution: { read: 'own_territory', create: 'own_territory', update: 'own_territory' },
    conference: { read: 'participant' },
  },
  coordinator: {
    directory: { read: 'all', create: 'own_territory', update: 'own_territory', delete: 'own_territory' },
    territory: { read: 'own_territory', update: 'own_territory' },
    partner_institution: {
      read: 'own_territory',
      create: 'own_territory',
      update: 'own_territory',
      delete: 'own_territory',
    },
    conference: { read: 'participant' },
  },
  organiser: {
    directory: { read: 'all' },
    partner_institution: { read: 'all' },
    conference: { read: 'own_agency', create: 'own_agency', update: 'own_agency' },
  },
  partner: {
    directory: { read: 'all' },
    conference: { read: 'participant' },
  },
  // Administrators run users, agencies and the taxonomy. They get no case data: a conference is
  // visible to its participants and its agency's organisers only.
  admin: {
    directory: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    territory: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    partner_institution: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    agency: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    app_user: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    audit_log: { read: 'all' },
  },
};

export interface Actor {
  userId: string;
  roles: ReadonlyArray<{ role: Role; agencyId: string }>;
  territoryIds: readonly string[];
}

/** What the row in question belongs to; only the parts the scope needs are looked at. */
export interface Target {
  agencyId?: string | null;
  territoryIds?: readonly string[];
  participantUserIds?: readonly string[];
}

/** Every scope the actor holds for resource x action, one per role that grants it (with its agency). */
export function grantsOf(
  actor: Actor | null,
  resource: Resource,
  action: Action,
): Array<{ scope: Scope; agencyId?: string }> {
  if (!actor) {
    const scope = anonymous[resource]?.[action];
    return scope ? [{ scope }] : [];
  }
  const out: Array<{ scope: Scope; agencyId?: string }> = [];
  for (const { role, agencyId } of actor.roles) {
    const scope = byRole[role][resource]?.[action];
    if (scope) out.push({ scope, agencyId });
  }
  const publicScope = anonymous[resource]?.[action];
  if (publicScope) out.push({ scope: publicScope });
  return out;
}

/** The widest scope the actor has, or null when the action is not allowed at all. */
export function scopeOf(actor: Actor | null, resource: Resource, action: Action): Scope | null {
  let best: Scope | null = null;
  for (const { scope } of grantsOf(actor, resource, action)) {
    if (!best || scopeRank[scope] > scopeRank[best]) best = scope;
  }
  return best;
}

/** Whether the actor may do action on this particular target. */
export function decide(
  actor: Actor | null,
  resource: Resource,
  action: Action,
  target: Target = {},
): boolean {
  return grantsOf(actor, resource, action).some(({ scope, agencyId }) => {
    switch (scope) {
      case 'all':
        return true;
      case 'own_agency':
        return !!agencyId && target.agencyId === agencyId;
      case 'own_territory':
        return !!actor && (target.territoryIds ?? []).some((id) => actor.territoryIds.includes(id));
      case 'participant':
        return !!actor && (target.participantUserIds ?? []).includes(actor.userId);
      default:
        return false;
    }
  });
}

/** Agencies in which the actor holds a grant of exactly `own_agency` scope for resource x action. */
export function agenciesWith(actor: Actor | null, resource: Resource, action: Action): string[] {
  return grantsOf(actor, resource, action)
    .filter((g) => g.scope === 'own_agency' && g.agencyId)
    .map((g) => g.agencyId!);
}
