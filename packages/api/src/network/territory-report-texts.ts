// The territory report's words in hu, cs, tr and en (rendered on the server, where the UI catalogs
// are out of reach). Partner kinds, need statuses and record kinds are the catalogs' own words:
// territory-report.test.ts fails when the two drift apart.
import type { Locale } from '@caremap/validators';

export interface TerritoryReportTexts {
  title: (territory: string) => string;
  subtitle: (quarter: string) => string;
  quarter: (year: number, quarter: number) => string;
  mapCaption: (approximate: boolean) => string;
  sections: {
    providers: string;
    partners: string;
    needs: string;
    coverage: string;
    verification: string;
    changes: string;
  };
  providersSummary: (services: number, organizations: number, locations: number) => string;
  serviceType: string;
  services: string;
  organizations: string;
  partnerKind: string;
  partners: string;
  withAgreement: string;
  needStatus: string;
  needs: string;
  coverageNote: (km: string) => string;
  settlements: string;
  uncoveredSettlements: string;
  uncoveredPopulation: string;
  coveredShare: string;
  largestGaps: string;
  record: string;
  records: string;
  verifiedRecently: (months: number) => string;
  due: string;
  changesNote: (since: string) => string;
  action: string;
  changes: string;
  /** CSV header: section, item, figure, second figure, third figure, note. */
  csvColumns: readonly [string, string, string, string, string, string];
  partnerKinds: Record<string, string>;
  needStatuses: Record<'open' | 'in_progress' | 'met', string>;
  entities: Record<string, string>;
  actions: Record<string, string>;
}

export const territoryReportTexts: Record<Locale, TerritoryReportTexts> = {
  hu: {
    title: (t) => `${t} – területi jelentés`,
    subtitle: (q) => `Szolgáltatók, partnerintézmények, szükségletek és lefedettség · ${q}`,
    quarter: (y, q) => `${y}. ${q}. negyedév`,
    mapCaption: (a) =>
      a
        ? 'A terület határa (közelítő); pontok: szolgáltatások helyszínei'
        : 'A terület határa; pontok: szolgáltatások helyszínei',
    sections: {
      providers: 'Szolgáltatók típus szerint',
      partners: 'Partnerintézmények fajta szerint',
      needs: 'Szükségletek állapot szerint',
      coverage: 'Lefedettségi hiányok',
      verification: 'Ellenőrzöttség',
      changes: 'Változások ebben a negyedévben',
    },
    providersSummary: (s, o, l) => `${s} aktív szolgáltatás, ${o} szervezet, ${l} helyszín a területen.`,
    serviceType: 'Szolgáltatástípus',
    services: 'Szolgáltatások',
    organizations: 'Szervezetek',
    partnerKind: 'Fajta',
    partners: 'Intézmények',
    withAgreement: 'Együttműködési megállapodással',
    needStatus: 'Állapot',
    needs: 'Szükségletek',
    coverageNote: (km) => `Települések, ahol ${km} km-en belül nincs az adott típusú szolgáltatás.`,
    settlements: 'Települések',
    uncoveredSettlements: 'Ellátatlan települések',
    uncoveredPopulation: 'Érintett lakosság',
    coveredShare: 'Lefedett lakosság',
    largestGaps: 'Legnagyobb ellátatlan települések',
    record: 'Adattípus',
    records: 'Rekordok',
    verifiedRecently: (m) => `Ellenőrizve az elmúlt ${m} hónapban`,
    due: 'Ellenőrzésre vár',
    changesNote: (since) => `Változások ${since} óta.`,
    action: 'Művelet',
    changes: 'Változások',
    csvColumns: ['Szakasz', 'Tétel', 'Érték', 'Második érték', 'Harmadik érték', 'Megjegyzés'],
    partnerKinds: {
      school: 'Iskola',
      kindergarten: 'Óvoda',
      nursery: 'Bölcsőde',
      health_visitor: 'Védőnő',
      gp: 'Háziorvos',
      hospital: 'Kórház',
      police: 'Rendőrség',
      court: 'Bíróság',
      guardianship_authority: 'Gyámhatóság',
      ngo: 'Civil szervezet',
    },
    needStatuses: { open: 'Nyitott', in_progress: 'Folyamatban', met: 'Teljesült' },
    entities: {
      organization: 'Szervezet',
      service: 'Szolgáltatás',
      location: 'Helyszín',
      partner_institution: 'Partnerintézmény',
      need: 'Szükséglet',
    },
    actions: {
      create: 'Létrehozás',
      update: 'Módosítás',
      verify: 'Ellenőrzés',
      suggestion: 'Elfogadott javaslat',
    },
  },
  cs: {
    title: (t) => `${t} – zpráva o území`,
    subtitle: (q) => `Poskytovatelé, partnerské instituce, potřeby a pokrytí · ${q}`,
    quarter: (y, q) => `${q}. čtvrtletí ${y}`,
    mapCaption: (a) =>
      a
        ? 'Přibližné hranice území; body: místa poskytování služeb'
        : 'Hranice území; body: místa poskytování služeb',
    sections: {
      providers: 'Poskytovatelé podle druhu služby',
      partners: 'Partnerské instituce podle druhu',
      needs: 'Potřeby podle stavu',
      coverage: 'Mezery v pokrytí',
      verification: 'Stav ověření',
      changes: 'Změny v tomto čtvrtletí',
    },
    providersSummary: (s, o, l) => `Na území je ${s} aktivních služeb, ${o} organizací a ${l} míst.`,
    serviceType: 'Druh služby',
    services: 'Služby',
    organizations: 'Organizace',
    partnerKind: 'Druh',
    partners: 'Instituce',
    withAgreement: 'Se smlouvou o spolupráci',
    needStatus: 'Stav',
    needs: 'Potřeby',
    coverageNote: (km) => `Obce, kde do ${km} km není služba daného druhu.`,
    settlements: 'Obce',
    uncoveredSettlements: 'Nepokryté obce',
    uncoveredPopulation: 'Dotčení obyvatelé',
    coveredShare: 'Pokryté obyvatelstvo',
    largestGaps: 'Největší nepokryté obce',
    record: 'Záznam',
    records: 'Záznamy',
    verifiedRecently: (m) => `Ověřeno za posledních ${m} měsíců`,
    due: 'K ověření',
    changesNote: (since) => `Změny od ${since}.`,
    action: 'Úkon',
    changes: 'Změny',
    csvColumns: ['Oddíl', 'Položka', 'Hodnota', 'Druhá hodnota', 'Třetí hodnota', 'Poznámka'],
    partnerKinds: {
      school: 'Škola',
      kindergarten: 'Mateřská škola',
      nursery: 'Jesle',
      health_visitor: 'Komunitní zdravotní sestra',
      gp: 'Praktický lékař',
      hospital: 'Nemocnice',
      police: 'Policie',
      court: 'Soud',
      guardianship_authority: 'OSPOD',
      ngo: 'Nezisková organizace',
    },
    needStatuses: { open: 'Otevřená', in_progress: 'Řeší se', met: 'Naplněná' },
    entities: {
      organization: 'Organizace',
      service: 'Služba',
      location: 'Místo',
      partner_institution: 'Partnerská instituce',
      need: 'Potřeba',
    },
    actions: { create: 'Založení', update: 'Úprava', verify: 'Ověření', suggestion: 'Přijatý návrh' },
  },
  tr: {
    title: (t) => `${t} – bölge raporu`,
    subtitle: (q) => `Hizmet sağlayıcılar, ortak kurumlar, ihtiyaçlar ve kapsama · ${q}`,
    quarter: (y, q) => `${y} ${q}. çeyrek`,
    mapCaption: (a) =>
      a ? 'Bölge sınırı (yaklaşık); noktalar: hizmet konumları' : 'Bölge sınırı; noktalar: hizmet konumları',
    sections: {
      providers: 'Türe göre hizmet sağlayıcılar',
      partners: 'Türe göre ortak kurumlar',
      needs: 'Duruma göre ihtiyaçlar',
      coverage: 'Kapsama boşlukları',
      verification: 'Doğrulama durumu',
      changes: 'Bu çeyrekteki değişiklikler',
    },
    providersSummary: (s, o, l) => `Bölgede ${s} etkin hizmet, ${o} kuruluş ve ${l} konum var.`,
    serviceType: 'Hizmet türü',
    services: 'Hizmetler',
    organizations: 'Kuruluşlar',
    partnerKind: 'Tür',
    partners: 'Kurumlar',
    withAgreement: 'İş birliği protokolü olan',
    needStatus: 'Durum',
    needs: 'İhtiyaçlar',
    coverageNote: (km) => `${km} km içinde bu türde hizmeti olmayan yerleşimler.`,
    settlements: 'Yerleşimler',
    uncoveredSettlements: 'Kapsanmayan yerleşimler',
    uncoveredPopulation: 'Etkilenen nüfus',
    coveredShare: 'Kapsanan nüfus',
    largestGaps: 'En büyük kapsanmayan yerleşimler',
    record: 'Kayıt türü',
    records: 'Kayıtlar',
    verifiedRecently: (m) => `Son ${m} ayda doğrulanan`,
    due: 'Doğrulanacak',
    changesNote: (since) => `${since} tarihinden bu yana değişiklikler.`,
    action: 'İşlem',
    changes: 'Değişiklikler',
    csvColumns: ['Bölüm', 'Kalem', 'Değer', 'İkinci değer', 'Üçüncü değer', 'Not'],
    partnerKinds: {
      school: 'Okul',
      kindergarten: 'Anaokulu',
      nursery: 'Kreş',
      health_visitor: 'Sağlık ziyaretçisi',
      gp: 'Aile hekimi',
      hospital: 'Hastane',
      police: 'Polis',
      court: 'Mahkeme',
      guardianship_authority: 'Vesayet makamı',
      ngo: 'Sivil toplum kuruluşu',
    },
    needStatuses: { open: 'Açık', in_progress: 'Sürüyor', met: 'Karşılandı' },
    entities: {
      organization: 'Kuruluş',
      service: 'Hizmet',
      location: 'Konum',
      partner_institution: 'Ortak kurum',
      need: 'İhtiyaç',
    },
    actions: {
      create: 'Oluşturma',
      update: 'Düzenleme',
      verify: 'Doğrulama',
      suggestion: 'Kabul edilen öneri',
    },
  },
  en: {
    title: (t) => `${t} – territory report`,
    subtitle: (q) => `Providers, partner institutions, needs and coverage · ${q}`,
    quarter: (y, q) => `Q${q} ${y}`,
    mapCaption: (a) =>
      a
        ? 'Territory boundary (approximate); dots: service locations'
        : 'Territory boundary; dots: service locations',
    sections: {
      providers: 'Providers by service type',
      partners: 'Partner institutions by kind',
      needs: 'Needs by status',
      coverage: 'Coverage gaps',
      verification: 'Verification status',
      changes: 'Changes this quarter',
    },
    providersSummary: (s, o, l) =>
      `${s} active services, ${o} organisations and ${l} locations in the territory.`,
    serviceType: 'Service type',
    services: 'Services',
    organizations: 'Organisations',
    partnerKind: 'Kind',
    partners: 'Institutions',
    withAgreement: 'With a cooperation agreement',
    needStatus: 'Status',
    needs: 'Needs',
    coverageNote: (km) => `Settlements with no service of the type within ${km} km.`,
    settlements: 'Settlements',
    uncoveredSettlements: 'Uncovered settlements',
    uncoveredPopulation: 'Population affected',
    coveredShare: 'Population covered',
    largestGaps: 'Largest uncovered settlements',
    record: 'Record',
    records: 'Records',
    verifiedRecently: (m) => `Verified in the last ${m} months`,
    due: 'Due for verification',
    changesNote: (since) => `Changes since ${since}.`,
    action: 'Action',
    changes: 'Changes',
    csvColumns: ['Section', 'Item', 'Figure', 'Second figure', 'Third figure', 'Note'],
    partnerKinds: {
      school: 'School',
      kindergarten: 'Kindergarten',
      nursery: 'Nursery',
      health_visitor: 'Health visitor',
      gp: 'General practitioner',
      hospital: 'Hospital',
      police: 'Police',
      court: 'Court',
      guardianship_authority: 'Guardianship authority (OSPOD)',
      ngo: 'Non-governmental organisation',
    },
    needStatuses: { open: 'Open', in_progress: 'In progress', met: 'Met' },
    entities: {
      organization: 'Organisation',
      service: 'Service',
      location: 'Location',
      partner_institution: 'Partner institution',
      need: 'Need',
    },
    actions: { create: 'Created', update: 'Edited', verify: 'Verified', suggestion: 'Suggestion accepted' },
  },
};
