// The phases of a family conference (kind `family_conference`): the seven phases with their
// template checklists are created with the conference (conference.create) and, for conferences
// made before phases existed, on the first read. Both go through `ensurePhases`, which is safe to
// run twice or concurrently (the unique (conference, phase) index decides who inserts).
import { type Database, schema } from '@caremap/db';
import { familyPhaseKeys, familyPhaseTemplates } from '@caremap/validators';

const { familyPhase, familyPhaseItem } = schema;

/** A database or an open transaction. */
export type Writer = Pick<Database, 'insert'>;

/** Inserts the phases (and their template checklists) a family conference does not have yet. */
export async function ensurePhases(db: Writer, conferenceId: string): Promise<number> {
  const created = await db
    .insert(familyPhase)
    .values(familyPhaseKeys.map((phase, position) => ({ conferenceId, phase, position })))
    .onConflictDoNothing()
    .returning({ id: familyPhase.id, phase: familyPhase.phase });
  const items = created.flatMap((p) =>
    familyPhaseTemplates[p.phase].map((templateKey, position) => ({ phaseId: p.id, position, templateKey })),
  );
  if (items.length) await db.insert(familyPhaseItem).values(items);
  return created.length;
}
