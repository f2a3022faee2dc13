/**
 * The fixed words of CareMap's documents in hu, cs, tr and en. Documents are rendered on the server,
 * where the UI catalogs (packages/ui, browser code) are out of reach; the conference kind names here
 * are the catalogs' own, and texts.test.ts fails when the two drift apart.
 */
import type { ConferenceKindInput, Locale } from '@caremap/validators';

export interface DocumentTexts {
  kinds: Record<ConferenceKindInput, string>;
  phone: string;
  email: string;
  /** "Page x of y" for the footer. */
  page: (current: number, total: number) => string;
  letter: {
    ourReference: string;
    /** Label of the line naming the conference this letter follows up. */
    conference: string;
    /** The value of that line, e.g. "Esetkonferencia, 2026. november 24." */
    conferenceValue: (kind: string, date: string) => string;
    subject: string;
    /** The contact person's line in the address block. */
    attention: (name: string, role: string | undefined) => string;
    salutation: (contact: { name: string; formOfAddress?: 'female' | 'male' } | undefined) => string;
    closing: (contactNamed: boolean) => string;
    actionsHeading: string;
    actionWhat: string;
    actionWho: string;
    actionDue: string;
    /** Czech reference line: who handles the matter, and place and date. */
    handledBy: string;
    placeAndDate: string;
  };
  report: {
    generatedAt: string;
    noRows: string;
    /** Header row of the coverage CSV: geonames id, settlement, population, covered, nearest, part. */
    coverageColumns: readonly [string, string, string, string, string, string];
  };
}

const roleAfter = (name: string, role: string | undefined) => (role ? `${name} ${role}` : name);
const roleComma = (name: string, role: string | undefined) => (role ? `${name}, ${role}` : name);

export const documentTexts: Record<Locale, DocumentTexts> = {
  hu: {
    kinds: {
      case_conference: 'Esetkonferencia',
      case_discussion: 'Esetmegbeszélés',
      family_conference: 'Családi döntéshozó konferencia',
      signalling_meeting: 'Jelzőrendszeri megbeszélés',
      care_plan_review: 'Gondozási terv felülvizsgálata',
    },
    phone: 'Tel.:',
    email: 'E-mail:',
    page: (current, total) => `${current}. oldal, összesen ${total}`,
    letter: {
      ourReference: 'Ügyszám:',
      conference: 'Hivatkozás:',
      conferenceValue: (kind, date) => `${kind}, ${date}`,
      subject: 'Tárgy:',
      attention: (name, role) => `${roleAfter(name, role)} részére`,
      salutation: (contact) => (contact ? `Tisztelt ${contact.name}!` : 'Tisztelt Címzett!'),
      closing: () => 'Üdvözlettel:',
      actionsHeading: 'Megállapodott feladatok',
      actionWhat: 'Feladat',
      actionWho: 'Felelős',
      actionDue: 'Határidő',
      handledBy: 'Ügyintéző:',
      placeAndDate: 'Kelt:',
    },
    report: {
      generatedAt: 'Készült:',
      noRows: 'Nincs adat.',
      coverageColumns: [
        'GeoNames azonosító',
        'Település',
        'Lakosság',
        'Lefedett (1 = igen)',
        'Legközelebbi szolgáltatás (m)',
        'Járás / ORP',
      ],
    },
  },
  cs: {
    kinds: {
      case_conference: 'Případová konference',
      case_discussion: 'Případová porada',
      family_conference: 'Rodinná konference',
      signalling_meeting: 'Setkání signalizačního systému',
      care_plan_review: 'Revize plánu péče',
    },
    phone: 'Tel.:',
    email: 'E-mail:',
    page: (current, total) => `Strana ${current} z ${total}`,
    letter: {
      ourReference: 'Naše značka',
      conference: 'Jednání:',
      conferenceValue: (kind, date) => `${kind} ze dne ${date}`,
      subject: 'Věc:',
      attention: roleComma,
      // The vocative of a man's surname cannot be derived safely ("pane Nováku"), so the salutation
      // names no one; the organiser can write a fuller one in `salutation`.
      salutation: (contact) =>
        contact?.formOfAddress === 'female'
          ? 'Vážená paní,'
          : contact?.formOfAddress === 'male'
            ? 'Vážený pane,'
            : 'Vážená paní, vážený pane,',
      closing: () => 'S pozdravem',
      actionsHeading: 'Dohodnuté úkoly',
      actionWhat: 'Úkol',
      actionWho: 'Odpovídá',
      actionDue: 'Termín',
      handledBy: 'Vyřizuje',
      placeAndDate: 'Místo a datum',
    },
    report: {
      generatedAt: 'Vytvořeno:',
      noRows: 'Žádná data.',
      coverageColumns: [
        'GeoNames ID',
        'Obec',
        'Počet obyvatel',
        'Pokryto (1 = ano)',
        'Nejbližší služba (m)',
        'ORP / okres',
      ],
    },
  },
  tr: {
    kinds: {
      case_conference: 'Vaka konferansı',
      case_discussion: 'Vaka görüşmesi',
      family_conference: 'Aile konferansı',
      signalling_meeting: 'Bildirim sistemi toplantısı',
      care_plan_review: 'Bakım planı değerlendirmesi',
    },
    phone: 'Tel:',
    email: 'E-posta:',
    page: (current, total) => `Sayfa ${current} / ${total}`,
    letter: {
      ourReference: 'Sayı:',
      // "İlgi" lists what a Turkish official letter refers to: "24.11.2026 tarihli vaka konferansı".
      conference: 'İlgi:',
      conferenceValue: (kind, date) => `${date} tarihli ${kind.toLocaleLowerCase('tr')}`,
      subject: 'Konu:',
      attention: roleComma,
      salutation: (contact) => (contact ? `Sayın ${contact.name},` : 'Sayın Yetkili,'),
      closing: () => 'Bilgilerinize saygılarımla sunarım.',
      actionsHeading: 'Kararlaştırılan görevler',
      actionWhat: 'Görev',
      actionWho: 'Sorumlu',
      actionDue: 'Son tarih',
      handledBy: 'İlgili kişi:',
      placeAndDate: 'Yer ve tarih:',
    },
    report: {
      generatedAt: 'Oluşturulma:',
      noRows: 'Veri yok.',
      coverageColumns: [
        'GeoNames kimliği',
        'Yerleşim',
        'Nüfus',
        'Kapsanıyor (1 = evet)',
        'En yakın hizmet (m)',
        'İlçe / bölge',
      ],
    },
  },
  en: {
    kinds: {
      case_conference: 'Case conference',
      case_discussion: 'Case discussion',
      family_conference: 'Family conference',
      signalling_meeting: 'Signalling-system meeting',
      care_plan_review: 'Care plan review',
    },
    phone: 'Tel.:',
    email: 'Email:',
    page: (current, total) => `Page ${current} of ${total}`,
    letter: {
      ourReference: 'Our reference:',
      conference: 'Meeting:',
      conferenceValue: (kind, date) => `${kind} of ${date}`,
      subject: 'Re:',
      attention: (name, role) => `For the attention of ${roleComma(name, role)}`,
      salutation: (contact) => (contact ? `Dear ${contact.name},` : 'Dear Sir or Madam,'),
      // British usage: "sincerely" to a named reader, "faithfully" to Sir or Madam.
      closing: (contactNamed) => (contactNamed ? 'Yours sincerely,' : 'Yours faithfully,'),
      actionsHeading: 'Agreed actions',
      actionWhat: 'Action',
      actionWho: 'Responsible',
      actionDue: 'Due',
      handledBy: 'Contact:',
      placeAndDate: 'Place and date:',
    },
    report: {
      generatedAt: 'Generated:',
      noRows: 'No data.',
      coverageColumns: [
        'GeoNames id',
        'Settlement',
        'Population',
        'Covered (1 = yes)',
        'Nearest service (m)',
        'Part of territory',
      ],
    },
  },
};
