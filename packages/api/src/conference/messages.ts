// The invitation and cancellation e-mails in the recipient's language. They carry logistics and the
// pseudonymous case_ref only: never the title the organiser typed (it may describe the case), no
// minutes, no names of other participants. Kind labels come from the documents' texts, which a test
// holds equal to the UI catalogs (packages/ui).
import type { ConferenceKind, Locale } from '@caremap/db/schema';
import { documentTexts } from '../documents/texts';

export interface MessageFacts {
  kind: ConferenceKind;
  caseRef: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  /** Room name, "online", plus the organiser's logistics note. */
  place: string;
  organiserName: string;
  /** Absolute accept / tentative / decline links (REQUEST only). */
  links?: { accept: string; tentative: string; decline: string };
  /** Whether this is a change of an invitation already sent. */
  update?: boolean;
}

interface Catalog {
  invitation: string;
  updated: string;
  cancelled: string;
  greeting: string;
  inviteLead: string;
  updateLead: string;
  cancelLead: string;
  when: string;
  where: string;
  case: string;
  organiser: string;
  online: string;
  accept: string;
  tentative: string;
  decline: string;
  footer: string;
}

const catalogs: Record<Locale, Catalog> = {
  en: {
    invitation: 'Invitation',
    updated: 'Changed',
    cancelled: 'Cancelled',
    greeting: 'Hello,',
    inviteLead: 'you are invited to the following meeting.',
    updateLead: 'the time or place of the following meeting has changed. Please answer again.',
    cancelLead: 'the following meeting has been cancelled.',
    when: 'When',
    where: 'Where',
    case: 'Case',
    organiser: 'Organiser',
    online: 'Online meeting',
    accept: 'I will come',
    tentative: 'Maybe',
    decline: 'I cannot come',
    footer: 'This message holds the logistics only. Case details are never sent by e-mail.',
  },
  hu: {
    invitation: 'Meghívó',
    updated: 'Módosítás',
    cancelled: 'Elmarad',
    greeting: 'Tisztelt Címzett!',
    inviteLead: 'Ezúton meghívjuk az alábbi megbeszélésre.',
    updateLead: 'Az alábbi megbeszélés időpontja vagy helyszíne megváltozott. Kérjük, válaszoljon újra.',
    cancelLead: 'Az alábbi megbeszélés elmarad.',
    when: 'Időpont',
    where: 'Helyszín',
    case: 'Ügy',
    organiser: 'Szervező',
    online: 'Online megbeszélés',
    accept: 'Részt veszek',
    tentative: 'Talán',
    decline: 'Nem tudok részt venni',
    footer:
      'Ez az üzenet csak a szervezési adatokat tartalmazza. Az ügy részleteit e-mailben soha nem küldjük.',
  },
  cs: {
    invitation: 'Pozvánka',
    updated: 'Změna',
    cancelled: 'Zrušeno',
    greeting: 'Dobrý den,',
    inviteLead: 'zveme Vás na následující jednání.',
    updateLead: 'čas nebo místo následujícího jednání se změnily. Odpovězte prosím znovu.',
    cancelLead: 'následující jednání bylo zrušeno.',
    when: 'Kdy',
    where: 'Kde',
    case: 'Případ',
    organiser: 'Organizátor',
    online: 'Online jednání',
    accept: 'Přijdu',
    tentative: 'Možná',
    decline: 'Nemohu přijít',
    footer:
      'Tato zpráva obsahuje pouze organizační údaje. Podrobnosti o případu se e-mailem nikdy neposílají.',
  },
  tr: {
    invitation: 'Davet',
    updated: 'Değişiklik',
    cancelled: 'İptal edildi',
    greeting: 'Merhaba,',
    inviteLead: 'aşağıdaki toplantıya davetlisiniz.',
    updateLead: 'aşağıdaki toplantının zamanı veya yeri değişti. Lütfen yeniden yanıt verin.',
    cancelLead: 'aşağıdaki toplantı iptal edildi.',
    when: 'Ne zaman',
    where: 'Nerede',
    case: 'Dosya',
    organiser: 'Düzenleyen',
    online: 'Çevrim içi toplantı',
    accept: 'Katılacağım',
    tentative: 'Belki',
    decline: 'Katılamayacağım',
    footer:
      'Bu ileti yalnızca toplantı bilgilerini içerir. Dosyanın ayrıntıları hiçbir zaman e-postayla gönderilmez.',
  },
};

const localeTags: Record<Locale, string> = { en: 'en-GB', hu: 'hu-HU', cs: 'cs-CZ', tr: 'tr-TR' };

export function onlineLabel(locale: Locale): string {
  return catalogs[locale].online;
}

/** "Tuesday, 3 March 2026, 10:00–11:30 (Europe/Budapest)" in the recipient's language and the conference's zone. */
export function formatWhen(locale: Locale, startsAt: Date, endsAt: Date, timeZone: string): string {
  const tag = localeTags[locale];
  const day = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'full' }).format(startsAt);
  const time = new Intl.DateTimeFormat(tag, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day}, ${time.format(startsAt)}–${time.format(endsAt)} (${timeZone})`;
}

export function invitationMessage(
  locale: Locale,
  method: 'REQUEST' | 'CANCEL',
  facts: MessageFacts,
): { subject: string; summary: string; text: string } {
  const c = catalogs[locale];
  const label = documentTexts[locale].kinds[facts.kind];
  const when = formatWhen(locale, facts.startsAt, facts.endsAt, facts.timezone);
  const tag = method === 'CANCEL' ? c.cancelled : facts.update ? c.updated : c.invitation;
  const day = new Intl.DateTimeFormat(localeTags[locale], {
    timeZone: facts.timezone,
    dateStyle: 'medium',
  }).format(facts.startsAt);
  const summary = `${label}${facts.caseRef ? ` ${facts.caseRef}` : ''}`;
  const subject = `${tag}: ${summary} – ${day}`;
  const lead = method === 'CANCEL' ? c.cancelLead : facts.update ? c.updateLead : c.inviteLead;
  const lines = [
    c.greeting,
    '',
    lead,
    '',
    `${label}`,
    ...(facts.caseRef ? [`${c.case}: ${facts.caseRef}`] : []),
    `${c.when}: ${when}`,
    `${c.where}: ${facts.place}`,
    `${c.organiser}: ${facts.organiserName}`,
  ];
  if (method === 'REQUEST' && facts.links) {
    lines.push(
      '',
      `${c.accept}: ${facts.links.accept}`,
      `${c.tentative}: ${facts.links.tentative}`,
      `${c.decline}: ${facts.links.decline}`,
    );
  }
  lines.push('', '--', c.footer);
  return { subject, summary, text: lines.join('\n') };
}
