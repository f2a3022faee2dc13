/**
 * Realistic inputs for the documents module: one feedback letter per language, written the way a
 * case manager would (pseudonymous case_ref, no child's name), and a territory-style report. Used by
 * the documents tests and by scripts/render-document-samples.ts for looking at the PDFs as PNG.
 */
import type { FeedbackLetterInput, Locale, ReportInput } from '@caremap/validators';
import { PNG } from 'pngjs';

/** A small PNG drawn pixel by pixel: `paint(x, y)` returns [r, g, b]. */
function drawPng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (width * y + x) << 2;
      const [r, g, b] = paint(x, y);
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** An emblem: a blue disc with a white house. */
export const logoPng = drawPng(120, 120, (x, y) => {
  const inDisc = (x - 60) ** 2 + (y - 60) ** 2 < 56 ** 2;
  const inRoof = y >= 30 && y < 60 && Math.abs(x - 60) < (y - 30) * 1.1;
  const inWalls = y >= 60 && y < 90 && x > 38 && x < 82 && !(x > 54 && x < 66 && y > 72);
  if (inDisc && (inRoof || inWalls)) return [255, 255, 255];
  return inDisc ? [31, 78, 121] : [255, 255, 255];
});

/** A map-like picture: land, a territory outline and provider dots. */
export const mapPng = drawPng(600, 300, (x, y) => {
  const dots = [
    [150, 120],
    [260, 180],
    [330, 90],
    [420, 200],
    [480, 130],
  ];
  if (dots.some(([dx, dy]) => (x - dx!) ** 2 + (y - dy!) ** 2 < 36)) return [213, 94, 0];
  const inside = ((x - 300) / 230) ** 2 + ((y - 150) / 120) ** 2;
  if (Math.abs(inside - 1) < 0.02) return [0, 114, 178];
  return inside < 1 ? [230, 240, 228] : [244, 241, 234];
});

export const letterSamples: Record<Locale, FeedbackLetterInput> = {
  hu: {
    language: 'hu',
    timeZone: 'Europe/Budapest',
    letterhead: {
      agencyName: 'Szegedi Család- és Gyermekjóléti Központ',
      addressLines: ['6724 Szeged, Kossuth Lajos sugárút 58.'],
      phone: '+36 62 000 000',
      email: 'gyermekjolet@szeged.example',
      logoPng,
    },
    recipient: {
      name: 'Szőregi Általános Iskola',
      contact: { name: 'Dr. Kőrösi Júlia', role: 'igazgató' },
      addressLines: ['Szerb utca 21.', '6771 Szeged'],
    },
    place: 'Szeged',
    date: new Date('2026-12-01T23:30:00Z'), // 2 December in Budapest
    reference: {
      caseRef: 'HU-SZGYK-2026-0142',
      conference: { kind: 'case_conference', startsAt: new Date('2026-11-24T09:00:00Z') },
    },
    subject: 'Visszajelzés az esetkonferencián megállapodottakról',
    paragraphs: [
      'Köszönjük, hogy intézményük képviseletében részt vettek a fenti ügyszámú esetkonferencián. A gyermekek védelméről és a gyámügyi igazgatásról szóló 1997. évi XXXI. törvény szerinti visszajelzési kötelezettségünknek ezúton, írásban teszünk eleget.',
      'Az esetkonferencia résztvevői egyetértettek abban, hogy a tanuló iskolai hiányzásainak rendszeres követése és a család bevonása a legfontosabb következő lépés. A családsegítő heti rendszerességgel tartja a kapcsolatot a szülőkkel; az iskola jelzése alapján szükség esetén soron kívüli esetmegbeszélést kezdeményezünk.',
      'Kérjük, hogy az alábbi, az Önök intézményét érintő feladatok teljesítéséről a határidőig írásban tájékoztassanak. Bízunk az eredményes együttműködés folytatásában.',
    ],
    actions: [
      {
        what: 'A hiányzások havi összesítése és megküldése a családsegítőnek',
        who: 'osztályfőnök',
        due: '2026-12-15',
      },
      {
        what: 'Iskolapszichológusi konzultáció megszervezése a szülőkkel',
        who: 'iskolapszichológus',
        due: '2027-01-11',
      },
    ],
    signOff: {
      name: 'Fülöp Erzsébet',
      role: 'esetmenedzser',
      agency: 'Szegedi Család- és Gyermekjóléti Központ',
    },
  },
  cs: {
    language: 'cs',
    timeZone: 'Europe/Prague',
    letterhead: {
      agencyName: 'Magistrát města Jihlavy, odbor sociálních věcí',
      addressLines: ['Oddělení sociálně-právní ochrany dětí', 'Masarykovo náměstí 97/1, 586 01 Jihlava'],
      phone: '+420 565 000 000',
      email: 'ospod@jihlava.example',
      logoPng,
    },
    recipient: {
      name: 'Základní škola Jihlava, Křížová',
      contact: { name: 'Mgr. Věra Dvořáková', role: 'ředitelka', formOfAddress: 'female' },
      addressLines: ['Křížová 1690/33', '586 01 Jihlava'],
    },
    place: 'Jihlava',
    date: new Date('2026-12-02T08:00:00Z'),
    reference: {
      caseRef: 'CZ-OSPOD-JI-2026-117',
      conference: { kind: 'case_conference', startsAt: new Date('2026-11-24T08:30:00Z') },
    },
    subject: 'Zpětná vazba k případové konferenci',
    paragraphs: [
      'děkujeme Vám za účast zástupkyně Vaší školy na případové konferenci. V souladu se zákonem č. 359/1999 Sb., o sociálně-právní ochraně dětí, Vám zasíláme písemné shrnutí dohodnutých kroků, které se týkají Vaší školy.',
      'Účastníci se shodli, že prioritou je pravidelná docházka dítěte do školy a průběžná spolupráce školy s rodinou. Sociální pracovnice OSPOD bude rodinu navštěvovat jednou za čtrnáct dní; o případných změnách Vás budeme neprodleně informovat.',
      'Prosíme Vás o písemnou informaci o splnění níže uvedených úkolů do stanoveného termínu. Děkujeme za spolupráci.',
    ],
    actions: [
      { what: 'Měsíční přehled docházky zaslat OSPOD', who: 'třídní učitelka', due: '2026-12-18' },
      {
        what: 'Konzultace se školní psycholožkou a zákonnými zástupci',
        who: 'školní psycholožka',
        due: '2027-01-15',
      },
    ],
    signOff: {
      name: 'Bc. Jiří Šťastný',
      role: 'sociální pracovník OSPOD',
      agency: 'Magistrát města Jihlavy',
    },
  },
  tr: {
    language: 'tr',
    timeZone: 'Europe/Istanbul',
    letterhead: {
      agencyName: 'İstanbul Aile ve Sosyal Hizmetler İl Müdürlüğü',
      addressLines: [
        'Çocuk Hizmetleri Şube Müdürlüğü',
        'Örnek Mahallesi, Şişli Caddesi No: 12, 34000 Şişli / İstanbul',
      ],
      phone: '+90 212 000 00 00',
      email: 'cocuk.hizmetleri@istanbul.example',
      logoPng,
    },
    recipient: {
      name: 'Dağlıca İlkokulu Müdürlüğü',
      contact: { name: 'Ayşe Yılmaz', role: 'Okul Müdürü' },
      addressLines: ['Güneşli Mahallesi, Çiçek Sokak No: 4', '34212 Bağcılar / İstanbul'],
    },
    place: 'İstanbul',
    date: new Date('2026-12-02T07:00:00Z'),
    reference: {
      caseRef: 'TR-IST-2026-0385',
      conference: { kind: 'case_conference', startsAt: new Date('2026-11-24T07:00:00Z') },
    },
    subject: 'Vaka konferansı sonrası bilgilendirme',
    paragraphs: [
      'İlgi tarihte gerçekleştirilen vaka konferansına okulunuz adına katılım sağladığınız için teşekkür ederiz. Toplantıda alınan ve okulunuzu ilgilendiren kararlar aşağıda bilgilerinize sunulmuştur.',
      'Katılımcılar, öğrencinin okula düzenli devamının izlenmesi ve ailenin sürece etkin biçimde katılımının sağlanması konusunda mutabık kalmıştır. Sosyal çalışmacımız aileyle iki haftada bir görüşmeye devam edecektir; değişiklik olması hâlinde ayrıca bilgi verilecektir.',
      'Aşağıda belirtilen görevlerin yerine getirilmesine ilişkin bilginin belirtilen tarihe kadar yazılı olarak tarafımıza iletilmesini rica ederiz.',
    ],
    actions: [
      {
        what: 'Aylık devamsızlık çizelgesinin vaka yöneticisine iletilmesi',
        who: 'Sınıf öğretmeni',
        due: '2026-12-16',
      },
      {
        what: 'Rehberlik servisi ile aile görüşmesinin düzenlenmesi',
        who: 'Rehber öğretmen',
        due: '2027-01-12',
      },
    ],
    signOff: {
      name: 'Mehmet Öztürk',
      role: 'Sosyal Çalışmacı, Vaka Yöneticisi',
      agency: 'Çocuk Hizmetleri Şube Müdürlüğü',
    },
  },
  en: {
    language: 'en',
    timeZone: 'Europe/Budapest',
    letterhead: {
      agencyName: 'Szeged Family and Child Welfare Centre',
      addressLines: ['Kossuth Lajos sugárút 58., 6724 Szeged, Hungary'],
      phone: '+36 62 000 000',
      email: 'childwelfare@szeged.example',
    },
    recipient: {
      name: 'International School of Szeged',
      addressLines: ['Tisza Lajos körút 2.', '6720 Szeged', 'Hungary'],
    },
    place: 'Szeged',
    date: new Date('2026-12-02T09:00:00Z'),
    reference: {
      caseRef: 'HU-SZGYK-2026-0151',
      conference: { kind: 'family_conference', startsAt: new Date('2026-11-26T13:00:00Z') },
    },
    subject: 'Feedback on the family conference',
    paragraphs: [
      'Thank you for taking part in the family conference. As the child welfare centre is required to give every partner institution written feedback, we summarise below the actions agreed that concern your school.',
    ],
    actions: [{ what: 'Share the attendance summary monthly', who: 'Class teacher', due: '2026-12-15' }],
    signOff: {
      name: 'Erzsébet Fülöp',
      role: 'Case manager',
      agency: 'Szeged Family and Child Welfare Centre',
    },
  },
};

/** A territory report's shape: counts, a long provider table, percentages. */
export function reportSample(language: Locale, providerRows = 200): ReportInput {
  const kinds = ['Krizová pomoc', 'Sociálně aktivizační služby', 'Odborné sociální poradenství', 'Mediace'];
  const towns = ['Jihlava', 'Třebíč', 'Žďár nad Sázavou', 'Havlíčkův Brod', 'Pelhřimov', 'Velké Meziříčí'];
  return {
    language,
    timeZone: 'Europe/Prague',
    title: 'ORP Jihlava – zpráva o území',
    subtitle: 'Poskytovatelé, partnerské instituce, potřeby a pokrytí · 4. čtvrtletí 2026',
    generatedAt: new Date('2026-12-02T05:10:00Z'),
    map: { png: mapPng, caption: 'Přibližné hranice ORP Jihlava; body: poskytovatelé služeb' },
    sections: [
      {
        heading: 'Poskytovatelé podle druhu služby',
        blocks: [
          { type: 'paragraph', text: 'Počty ověřených poskytovatelů v území ke dni vytvoření zprávy.' },
          {
            type: 'table',
            table: {
              columns: [
                { header: 'Druh služby' },
                { header: 'Poskytovatelé', kind: 'number' },
                { header: 'Na 10 000 obyvatel', kind: 'number', fractionDigits: 2 },
                { header: 'Ověřeno', kind: 'percent' },
              ],
              rows: kinds.map((kind, i) => [kind, 12 + i * 7, 1.25 + i * 0.5, 0.62 + i * 0.08]),
            },
          },
        ],
      },
      {
        heading: 'Seznam poskytovatelů',
        blocks: [
          {
            type: 'table',
            table: {
              caption: 'Všichni poskytovatelé v území',
              columns: [
                { header: 'Poskytovatel' },
                { header: 'Obec' },
                { header: 'Služby', kind: 'number' },
                { header: 'Obyvatel obce', kind: 'number' },
              ],
              rows: Array.from({ length: providerRows }, (_, i) => [
                `Poskytovatel č. ${i + 1} – ${kinds[i % kinds.length]}`,
                towns[i % towns.length]!,
                1 + (i % 5),
                1250 + i * 397,
              ]),
            },
          },
        ],
      },
      {
        heading: 'Mezery v pokrytí',
        blocks: [
          { type: 'paragraph', text: 'Obce bez krizové pomoci do 15 km.' },
          {
            type: 'table',
            table: { columns: [{ header: 'Obec' }, { header: 'Obyvatel', kind: 'number' }], rows: [] },
          },
        ],
      },
    ],
  };
}
