// Who a conference's feedback letters can go to: the partner institutions and organizations among
// and around its participants (a contact of a school, or a CareMap user working for the school's
// agency), each with the language its letter is written in by default, and the address block.
// Also the responsible agency's letterhead, from its directory organization's first address.
import { type Database, schema } from '@caremap/db';
import type { Locale } from '@caremap/db/schema';
import type { Letterhead } from '@caremap/validators';
import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { ConferenceRow } from '../access';

const { address, agency, conferenceParticipant, location, organization, partnerInstitution } = schema;

/** The language of letters to a country's institutions; anything else gets English. */
const countryLanguage: Record<string, Locale> = { HU: 'hu', CZ: 'cs', TR: 'tr' };
export const languageOfCountry = (country: string | null | undefined): Locale | undefined =>
  country ? countryLanguage[country.toUpperCase()] : undefined;

const countryName = (country: string, language: Locale) =>
  new Intl.DisplayNames([language], { type: 'region' }).of(country.toUpperCase()) ?? country;

export interface LetterRecipient {
  kind: 'partner_institution' | 'organization';
  id: string;
  name: string;
  /** The recipient's language: its country's, else the responsible agency's. */
  language: Locale;
  country: string | null;
  /** Street and town as stored (empty when the directory has none). */
  addressLines: string[];
  /** The recipient's agency (partner institutions): actions it owns go into its letter. */
  agencyId: string | null;
}

interface PostalAddress {
  lines: string[];
  city: string | null;
  country: string | null;
}

/** The first physical address of a directory organization, as letter lines. */
async function organizationAddresses(db: Database, organizationIds: string[]) {
  const out = new Map<string, PostalAddress>();
  if (!organizationIds.length) return out;
  const rows = await db
    .select({
      organizationId: location.organizationId,
      address1: address.address1,
      address2: address.address2,
      postalCode: address.postalCode,
      city: address.city,
      country: address.country,
    })
    .from(address)
    .innerJoin(location, eq(location.id, address.locationId))
    .where(and(inArray(location.organizationId, organizationIds), eq(address.addressType, 'physical')))
    .orderBy(asc(location.createdAt), asc(address.createdAt), asc(address.id));
  for (const r of rows) {
    if (!r.organizationId || out.has(r.organizationId)) continue;
    out.set(r.organizationId, {
      lines: [r.address1, r.address2, `${r.postalCode} ${r.city}`.trim()].filter(
        (l): l is string => !!l && l.trim() !== '',
      ),
      city: r.city,
      country: r.country,
    });
  }
  return out;
}

/** The responsible agency: its name, language and postal address for the letterhead. */
export async function agencyLetterhead(db: Database, agencyId: string) {
  const [row] = await db
    .select({
      name: agency.name,
      country: agency.country,
      organizationId: agency.organizationId,
      email: organization.email,
    })
    .from(agency)
    .leftJoin(organization, eq(organization.id, agency.organizationId))
    .where(eq(agency.id, agencyId));
  if (!row) throw new Error(`agency ${agencyId} does not exist`);
  const postal = row.organizationId
    ? (await organizationAddresses(db, [row.organizationId])).get(row.organizationId)
    : undefined;
  const language = languageOfCountry(row.country) ?? 'en';
  return {
    language,
    country: row.country,
    /** Where letters are written: the agency's town, else its country. */
    place: (lang: Locale) => postal?.city ?? countryName(row.country, lang),
    letterhead: (lang: Locale): Letterhead => ({
      agencyName: row.name,
      addressLines: postal?.lines.length ? postal.lines : [countryName(row.country, lang)],
      ...(row.email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(row.email) ? { email: row.email } : {}),
    }),
  };
}

/**
 * Partner institutions named on participants, or whose agency a participant works for, and
 * organizations named on participants. The responsible agency itself is never a recipient.
 */
export async function letterRecipients(db: Database, conf: ConferenceRow): Promise<LetterRecipient[]> {
  const participants = await db
    .select({
      partnerInstitutionId: conferenceParticipant.partnerInstitutionId,
      organizationId: conferenceParticipant.organizationId,
      agencyId: conferenceParticipant.agencyId,
    })
    .from(conferenceParticipant)
    .where(eq(conferenceParticipant.conferenceId, conf.id));
  const ids = (pick: (p: (typeof participants)[number]) => string | null) => [
    ...new Set(participants.flatMap((p) => (pick(p) ? [pick(p)!] : []))),
  ];
  const partnerIds = ids((p) => p.partnerInstitutionId);
  const agencyIds = ids((p) => p.agencyId).filter((id) => id !== conf.agencyId);
  const organizationIds = ids((p) => p.organizationId);
  const { language: agencyLanguage } = await agencyLetterhead(db, conf.agencyId);

  const partners =
    partnerIds.length || agencyIds.length
      ? await db
          .select({
            id: partnerInstitution.id,
            name: partnerInstitution.name,
            address: partnerInstitution.address,
            city: partnerInstitution.city,
            country: partnerInstitution.country,
            agencyId: partnerInstitution.agencyId,
          })
          .from(partnerInstitution)
          .where(
            or(
              partnerIds.length ? inArray(partnerInstitution.id, partnerIds) : undefined,
              agencyIds.length
                ? and(
                    isNotNull(partnerInstitution.agencyId),
                    inArray(partnerInstitution.agencyId, agencyIds),
                    ne(partnerInstitution.agencyId, conf.agencyId),
                  )
                : undefined,
            ),
          )
          .orderBy(asc(partnerInstitution.name), asc(partnerInstitution.id))
      : [];
  const organizations = organizationIds.length
    ? await db
        .select({ id: organization.id, name: organization.name })
        .from(organization)
        .where(inArray(organization.id, organizationIds))
        .orderBy(asc(organization.name), asc(organization.id))
    : [];
  const postal = await organizationAddresses(
    db,
    organizations.map((o) => o.id),
  );
  return [
    ...partners.map(
      (p): LetterRecipient => ({
        kind: 'partner_institution',
        id: p.id,
        name: p.name,
        language: languageOfCountry(p.country) ?? agencyLanguage,
        country: p.country,
        addressLines: [p.address, p.city].filter((l): l is string => !!l && l.trim() !== ''),
        agencyId: p.agencyId,
      }),
    ),
    ...organizations.map((o): LetterRecipient => {
      const where = postal.get(o.id);
      return {
        kind: 'organization',
        id: o.id,
        name: o.name,
        language: languageOfCountry(where?.country) ?? agencyLanguage,
        country: where?.country ?? null,
        addressLines: where?.lines ?? [],
        agencyId: null,
      };
    }),
  ];
}

/** The address block of a letter: never empty (a letter needs one), the country name at worst. */
export function addressBlock(recipient: LetterRecipient, language: Locale, fallbackCountry: string) {
  if (recipient.addressLines.length) return recipient.addressLines;
  return [countryName(recipient.country ?? fallbackCountry, language)];
}
