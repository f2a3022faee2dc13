// The action-item reminder e-mail in the owner's language. It carries the pseudonymous case_ref,
// the due date and a link only: never the item's title, the minutes, or anyone's name, since an
// e-mail may end up anywhere.
import type { ActionItemReminderKind, Locale } from '@caremap/db/schema';

export interface ReminderFacts {
  kind: ActionItemReminderKind;
  caseRef: string | null;
  /** YYYY-MM-DD, a date in the conference's zone. */
  dueOn: string;
  link: string;
}

interface Catalog {
  dueSoonSubject: (due: string) => string;
  overdueSubject: (due: string) => string;
  greeting: string;
  dueSoonLead: (due: string) => string;
  overdueLead: (due: string) => string;
  case: string;
  noCase: string;
  open: string;
  footer: string;
}

const catalogs: Record<Locale, Catalog> = {
  en: {
    dueSoonSubject: (due) => `Action item due on ${due}`,
    overdueSubject: (due) => `Action item overdue since ${due}`,
    greeting: 'Hello,',
    dueSoonLead: (due) => `an action item you are responsible for is due on ${due}.`,
    overdueLead: (due) => `an action item you are responsible for was due on ${due} and is still open.`,
    case: 'Case',
    noCase: 'signalling-system meeting',
    open: 'Open your action items in CareMap',
    footer: 'This message holds the due date only. Case details are never sent by e-mail.',
  },
  hu: {
    dueSoonSubject: (due) => `Határidős feladat: ${due}`,
    overdueSubject: (due) => `Lejárt határidejű feladat (${due})`,
    greeting: 'Tisztelt Címzett!',
    dueSoonLead: (due) => `Az Ön felelősségi körébe tartozó feladat határideje: ${due}.`,
    overdueLead: (due) =>
      `Az Ön felelősségi körébe tartozó feladat határideje (${due}) lejárt, és még nyitott.`,
    case: 'Ügy',
    noCase: 'jelzőrendszeri megbeszélés',
    open: 'Feladatai megnyitása a CareMapben',
    footer: 'Ez az üzenet csak a határidőt tartalmazza. Az ügy részleteit e-mailben soha nem küldjük.',
  },
  cs: {
    dueSoonSubject: (due) => `Úkol s termínem ${due}`,
    overdueSubject: (due) => `Úkol po termínu (${due})`,
    greeting: 'Dobrý den,',
    dueSoonLead: (due) => `úkol, za který odpovídáte, má termín ${due}.`,
    overdueLead: (due) => `úkol, za který odpovídáte, měl termín ${due} a je stále otevřený.`,
    case: 'Případ',
    noCase: 'setkání signální sítě',
    open: 'Otevřít své úkoly v CareMap',
    footer: 'Tato zpráva obsahuje jen termín. Podrobnosti případu e-mailem nikdy neposíláme.',
  },
  tr: {
    dueSoonSubject: (due) => `Son tarihi ${due} olan görev`,
    overdueSubject: (due) => `Süresi geçmiş görev (${due})`,
    greeting: 'Merhaba,',
    dueSoonLead: (due) => `sorumlu olduğunuz bir görevin son tarihi ${due}.`,
    overdueLead: (due) => `sorumlu olduğunuz bir görevin son tarihi ${due} idi ve görev hâlâ açık.`,
    case: 'Vaka',
    noCase: 'bildirim sistemi toplantısı',
    open: "Görevlerinizi CareMap'te açın",
    footer: 'Bu ileti yalnızca son tarihi içerir. Vaka ayrıntıları asla e-postayla gönderilmez.',
  },
};

const intlLocale: Record<Locale, string> = { en: 'en-GB', hu: 'hu-HU', cs: 'cs-CZ', tr: 'tr-TR' };

/** A calendar date in the reader's way of writing it (the date is a date, no zone applies). */
export function formatDueDate(dueOn: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${dueOn}T12:00:00Z`),
  );
}

export function reminderMessage(locale: Locale, facts: ReminderFacts) {
  const c = catalogs[locale];
  const due = formatDueDate(facts.dueOn, locale);
  const subject = `${facts.kind === 'overdue' ? c.overdueSubject(due) : c.dueSoonSubject(due)} – ${
    facts.caseRef ?? c.noCase
  }`;
  const text = [
    c.greeting,
    '',
    facts.kind === 'overdue' ? c.overdueLead(due) : c.dueSoonLead(due),
    '',
    `${c.case}: ${facts.caseRef ?? c.noCase}`,
    '',
    `${c.open}: ${facts.link}`,
    '',
    '--',
    c.footer,
  ].join('\n');
  return { subject, text };
}
