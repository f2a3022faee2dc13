import { schema } from '@caremap/db';
import type { Context } from './context';

export interface AuditEvent {
  action: string;
  outcome: 'allowed' | 'denied' | 'success' | 'failure';
  resourceType?: string;
  resourceId?: string;
  actorUserId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log (append-only by trigger). Case-data reads and every sign-in and sign-out
 * go through here. Details never hold personal data beyond ids.
 */
export async function audit(
  ctx: Pick<Context, 'db' | 'requestId' | 'user'>,
  events: AuditEvent | AuditEvent[],
) {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await ctx.db.insert(schema.auditLog).values(
    list.map((e) => ({
      action: e.action,
      outcome: e.outcome,
      resourceType: e.resourceType ?? null,
      resourceId: e.resourceId ?? null,
      actorUserId: e.actorUserId === undefined ? (ctx.user?.userId ?? null) : e.actorUserId,
      requestId: ctx.requestId,
      details: e.details ?? null,
    })),
  );
}
