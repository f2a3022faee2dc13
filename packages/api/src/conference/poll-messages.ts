// The poll e-mail in the recipient's language: the conference kind, the case_ref, the proposed times
// in the conference's zone, the deadline and the secret link. Logistics only, like the invitations.
import type { ConferenceKind, Locale } from '@caremap/db/schema';
import { documentTexts } from '../documents/texts';
import { formatWhen } from './messages';

interface PollCatalog {
  subject: string;
  greeting: string;
  lead: string;
  times: string;
  link: string;
  deadline: string;
  case: string;
  footer: string;
}

const catalogs: Record<Locale, PollCatalog> = {
  en: {
    subject: 'When can you come?',
    greeting: 'Hello,',
    lead: 'we are looking for a time for the following meeting. Please tell us which of the proposed times suit you.',
    times: 'Proposed times',
    link: 'Answer here (no sign-in needed)',
    deadline: 'Please answer by',
    case: 'Case',
    footer: 'This message holds the logistics only. Case details are never sent by e-mail.',
  },
  hu: {
    subject: 'Mikor tud részt venni?',
    greeting: 'Tisztelt Címzett!',
    lead: 'Időpontot keresünk az alábbi megbeszéléshez. Kérjük, jelezze, melyik javasolt időpont alkalmas Önnek.',
    times: 'Javasolt időpontok',
    link: 'Válaszoljon itt (bejelentkezés nélkül)',
    deadline: 'Kérjük, válaszoljon eddig',
    case: 'Ügy',
    footer:
      'Ez az üzenet csak a szervezési adatokat tartalmazza. Az ügy részleteit e-mailben soha nem küldjük.',
  },
  cs: {
    subject: 'Kdy můžete přijít?',
    greeting: 'Dobrý den,',
    lead: 'hledáme termín následujícího jednání. Dejte nám prosím vědět, které z navržených termínů Vám vyhovují.',
    times: 'Navržené termíny',
    link: 'Odpovězte zde (bez přihlášení)',
    deadline: 'Odpovězte prosím do',
    case: 'Případ',
    footer:
      'Tato zpráva obsahuje pouze organizační údaje. Podrobnosti o případu se e-mailem nikdy neposílají.',
  },
  tr: {
    subject: 'Ne zaman katılabilirsiniz?',
    greeting: 'Merhaba,',
    lead: 'aşağıdaki toplantı için bir zaman arıyoruz. Lütfen önerilen zamanlardan hangilerinin size uygun olduğunu bildirin.',
    times: 'Önerilen zamanlar',
    link: 'Buradan yanıtlayın (giriş gerekmez)',
    deadline: 'Lütfen şu tarihe kadar yanıtlayın',
    case: 'Dosya',
    footer:
      'Bu ileti yalnızca toplantı bilgilerini içerir. Dosyanın ayrıntıları hiçbir zaman e-postayla gönderilmez.',
  },
};

const localeTags: Record<Locale, string> = { en: 'en-GB', hu: 'hu-HU', cs: 'cs-CZ', tr: 'tr-TR' };

export interface PollFacts {
  kind: ConferenceKind;
  caseRef: string | null;
  timezone: string;
  times: Array<{ startsAt: Date; endsAt: Date }>;
  deadline: Date;
  link: string;
}

export function pollMessage(locale: Locale, facts: PollFacts): { subject: string; text: string } {
  const c = catalogs[locale];
  const label = documentTexts[locale].kinds[facts.kind];
  const deadline = new Intl.DateTimeFormat(localeTags[locale], {
    timeZone: facts.timezone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(facts.deadline);
  const lines = [
    c.greeting,
    '',
    c.lead,
    '',
    label,
    ...(facts.caseRef ? [`${c.case}: ${facts.caseRef}`] : []),
    '',
    `${c.times}:`,
    ...facts.times.map((t) => `- ${formatWhen(locale, t.startsAt, t.endsAt, facts.timezone)}`),
    '',
    `${c.deadline}: ${deadline}`,
    `${c.link}: ${facts.link}`,
    '',
    '--',
    c.footer,
  ];
  return {
    subject: `${c.subject} ${label}${facts.caseRef ? ` ${facts.caseRef}` : ''}`,
    text: lines.join('\n'),
  };
}
