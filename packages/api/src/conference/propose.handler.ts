// conference.propose: ranked proposals from the pure slot finder over what the database holds.
import type { conferenceProposeInput } from '@caremap/validators';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { conferenceFor } from './access';
import { proposeTimes } from './availability';

export async function proposeForConference(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof conferenceProposeInput>,
) {
  const conf = await conferenceFor(ctx, input.conferenceId, 'update', 'conference.propose');
  if (conf.status === 'cancelled' || conf.status === 'held') {
    throw appError(
      'BAD_REQUEST',
      'invalid_state',
      `the conference is ${conf.status}; there is nothing to schedule`,
    );
  }
  const result = await proposeTimes(ctx.db, conf, { from: input.from, wanted: input.wanted });
  // Reading who is free when is reading the conference (its invitees): case data, audited.
  await audit(ctx, {
    action: 'conference.read',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
    details: { via: 'propose' },
  });
  return result;
}
