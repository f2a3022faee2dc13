// Czech (Kraj Vysočina) vocabulary for the demo providers. Names follow real Czech patterns but no
// name is a real person's; web sites and e-mail addresses use the reserved .example domain.
import type { Town } from './geodata';
import { type CountryVocab, type EligibilityCategory, type OrgTemplate, parseTemplates } from './vocab';

/** PSČ of the ORP seats; other places use their ORP's first three digits. */
const SEAT_PSC: Record<string, string> = {
  '6101': '593 01',
  '6102': '580 01',
  '6103': '396 01',
  '6104': '583 01',
  '6105': '586 01',
  '6106': '676 02',
  '6107': '675 71',
  '6108': '592 31',
  '6109': '395 01',
  '6110': '393 01',
  '6111': '582 91',
  '6112': '588 56',
  '6113': '674 01',
  '6114': '594 01',
  '6115': '591 01',
};

/** Landline prefixes by ORP (Jihlava 567, Třebíč 568, Havlíčkův Brod 569, Žďár 566, Pelhřimov 565). */
const LANDLINE: Record<string, string> = {
  '6101': '566',
  '6102': '569',
  '6103': '565',
  '6104': '569',
  '6105': '567',
  '6106': '568',
  '6107': '568',
  '6108': '566',
  '6109': '565',
  '6110': '565',
  '6111': '569',
  '6112': '567',
  '6113': '568',
  '6114': '566',
  '6115': '566',
};

const LANGUAGE_CS: Record<string, string> = {
  en: 'angličtina',
  de: 'němčina',
  sk: 'slovenština',
  uk: 'ukrajinština',
  rom: 'romština',
  hu: 'maďarština',
  tr: 'turečtina',
};

// key | name | legal status | conditions | weight | branches | terms | description
const TEMPLATES = `
mestsky-urad | Městský úřad {town} | územní samosprávný celek | max=60000 | 3 | 0 | benefits_advice housing_support community_work leisure | Sociální odbor obce: pomoc v hmotné nouzi, s bydlením a komunitní akce pro rodiny s dětmi.
rodinne-centrum | Rodinné centrum {town} | spolek | min=1500 | 4 | 0.3 | family_centre parenting_support early_childhood leisure perinatal_support | Místo setkávání rodičů s malými dětmi: herna, přednášky, poradenství a kroužky.
centrum-pro-rodinu | Centrum pro rodinu {town} | zapsaný ústav | min=3000 | 3 | 1.2 | family_case_work parenting_support family_group_conference supervised_contact mediation school_social_work | Sociálně aktivizační služby a doprovázení rodin, které řeší obtíže s péčí o děti.
diakonie | Diakonie ČCE – středisko {town} | evidovaná právnická osoba církve | min=4000 | 2 | 1.5 | family_case_work supervised_contact debt_counselling material_aid disability_support housing_support | Sociální služby pro rodiny s dětmi, lidi s postižením a lidi v tíživé životní situaci.
charita | Oblastní charita {town} | evidovaná právnická osoba církve | min=5000 | 2 | 2 | street_social_work debt_counselling mother_child_shelter material_aid food_aid family_case_work youth_club | Charitní služby pro rodiny, děti a mládež, lidi bez domova a lidi v dluhové pasti.
poradna-pro-rodinu | Poradna pro rodinu, manželství a mezilidské vztahy {town} | příspěvková organizace kraje | min=7000 | 2 | 0.6 | family_consultation family_therapy mediation psychological_counselling child_psychotherapy | Odborné sociální poradenství a terapie pro páry, rodiny a jednotlivce.
ppp-vysocina | Pedagogicko-psychologická poradna Vysočina – pracoviště {town} | příspěvková organizace kraje | min=7000 | 2 | 0.3 | educational_counselling psychological_counselling disability_support | Školské poradenské zařízení: diagnostika, poradenství a podpora žáků, rodičů a učitelů.
nzdm | Nízkoprahové zařízení pro děti a mládež {town} | obecně prospěšná společnost | min=4000 | 2 | 0.5 | youth_club street_social_work tutoring leisure youth_counselling school_social_work | Klub a terénní program pro děti a mladé lidi, kteří tráví čas venku nebo řeší obtíže.
azylovy-dum | Azylový dům pro matky s dětmi {town} | obecně prospěšná společnost | min=8000 | 1 | 0 | mother_child_shelter housing_support parenting_support material_aid | Přechodné ubytování a podpora pro rodiče s dětmi bez bydlení.
intervencni-centrum | Intervenční centrum Kraje Vysočina – pracoviště {town} | příspěvková organizace kraje | min=15000,region | 1 | 0 | domestic_violence legal_information psychological_counselling | Pomoc osobám ohroženým domácím násilím, spolupráce s Policií ČR a OSPOD.
rana-pece | Středisko rané péče {town} | zapsaný ústav | min=10000,region | 1 | 0.5 | early_childhood disability_support parenting_support | Terénní raná péče pro rodiny s dětmi s postižením nebo ohroženým vývojem.
pestounske-centrum | Centrum pro pěstounské rodiny {town} | spolek | min=5000 | 2 | 1 | foster_care_support foster_care_preparation adoption_support aftercare supervised_contact | Doprovázení pěstounů, vzdělávání a respitní pobyty, příprava žadatelů.
zdvop | Zařízení pro děti vyžadující okamžitou pomoc {town} | obecně prospěšná společnost | min=10000 | 1 | 0 | immediate_reception crisis_service supervised_contact | Krátkodobý pobyt a péče o děti, které se ocitly bez péče nebo v ohrožení.
detsky-domov | Dětský domov {town} | příspěvková organizace kraje | min=3000 | 1 | 0 | residential_care independent_life aftercare | Ústavní výchova v rodinných skupinách a příprava na samostatný život.
adiktologicka-poradna | Adiktologická poradna {town} | zapsaný ústav | min=8000 | 1 | 0.3 | addiction_counselling youth_counselling psychological_counselling | Poradenství pro mladé lidi a rodiče v otázkách závislostí.
obcanska-poradna | Občanská poradna {town} | spolek | min=6000 | 2 | 1 | debt_counselling legal_information benefits_advice housing_support | Bezplatné, nestranné a diskrétní poradenství v tíživých situacích.
urad-prace | Úřad práce ČR – kontaktní pracoviště {town} | organizační složka státu | min=5000 | 1 | 0 | job_search benefits_advice | Zprostředkování zaměstnání, rekvalifikace a dávky státní sociální podpory.
nemocnice | Nemocnice {town} | příspěvková organizace kraje | in=Jihlava;Třebíč;Havlíčkův Brod;Pelhřimov;Nové Město na Moravě | 0 | 0 | hospital_social_work perinatal_support child_psychotherapy | Krajská nemocnice: sociální pracovníci dětského a porodnického oddělení.
skolni-poradenstvi | Základní škola {town} – školní poradenské pracoviště | příspěvková organizace obce | min=1000 | 2 | 0 | school_social_work educational_counselling tutoring | Školní psycholog, speciální pedagog a sociální pedagog pro žáky a rodiče.
komunitni-centrum | Komunitní centrum {town} | spolek | min=10000 | 1 | 0.5 | community_work roma_mediation tutoring leisure food_aid | Komunitní práce v sociálně vyloučených lokalitách, doučování a romská mediace.
krizove-centrum | Krizové centrum pro děti a rodinu {town} | zapsaný ústav | min=15000,region | 1 | 0 | crisis_service crisis_helpline psychological_counselling family_therapy hearing_therapy | Krizová intervence pro děti a rodiny, terapie traumatu, spolupráce s Policií ČR.
linka-duvery | Linka důvěry Vysočina | zapsaný ústav | in=Jihlava,region | 0 | 0 | crisis_helpline crisis_service youth_counselling | Nonstop telefonická krizová pomoc a chat pro děti, dospívající i dospělé.
kraj-socialni-odbor | Krajský úřad Kraje Vysočina – odbor sociálních věcí | územní samosprávný celek | in=Jihlava,region | 0 | 0 | signalling_coordination case_conference professional_training foster_care_preparation | Koordinace sítě služeb pro ohrožené děti, lokální síťaři a krajská koncepce náhradní rodinné péče.
supervize | Institut supervize a vzdělávání Vysočina | zapsaný ústav | in=Jihlava,region | 0 | 0 | supervision professional_training case_conference | Supervize a akreditované vzdělávání pro pracovníky OSPOD a sociálních služeb.
tlumoceni | Tlumočnické a komunitní centrum Vysočina | spolek | in=Jihlava,region | 0 | 0 | interpretation community_work | Tlumočení pro cizince a jejich rodiny při jednání s úřady, školami a lékaři.
`;

export const czTemplates: readonly OrgTemplate[] = parseTemplates(TEMPLATES, {
  'mestsky-urad': (town) =>
    town.name === 'Jihlava'
      ? 'Magistrát města Jihlavy'
      : town.population >= 3000
        ? `Městský úřad ${town.name}`
        : `Obecní úřad ${town.name}`,
});

const STREETS = [
  'Nádražní',
  'Školní',
  'Zahradní',
  'Polní',
  'Lesní',
  'Krátká',
  'Dlouhá',
  'Nová',
  'Luční',
  'Zámecká',
  'Kostelní',
  'Nemocniční',
  'Brněnská',
  'Jihlavská',
  'Pražská',
  'Družstevní',
  'Sadová',
  'Okružní',
  'Mlýnská',
  'Hradební',
  'Sokolovská',
  'Náměstí Míru',
  'Husova',
  'Horní',
  'Dolní',
  'U Potoka',
  'Na Výsluní',
  'Spojovací',
];

const genitive = (area: string): string => area.replace(/^Kraj /, 'Kraje ');

const ELIGIBILITY: Record<EligibilityCategory, (area: string) => string> = {
  child: (area) =>
    `Děti a dospívající do 18 let a jejich rodiny z ${area}, jejichž vývoj je ohrožen nepříznivou situací v rodině.`,
  shelter: () => 'Matky i otcové s dětmi, kteří přišli o bydlení nebo jsou ohroženi násilím.',
  violence: () => 'Osoby ohrožené domácím násilím a jejich děti, i bez vykázání násilné osoby.',
  foster: (area) => `Pěstouni, poručníci a zájemci o náhradní rodinnou péči z ${area}.`,
  adoption: () => 'Osvojitelé, žadatelé o osvojení a osvojené děti.',
  careLeaver: () => 'Mladí lidé, kteří vyrůstali v ústavní nebo pěstounské péči, do 26 let.',
  youth: () => 'Děti a mladí lidé v obtížné životní situaci, kteří hledají pomoc, radu nebo bezpečné místo.',
  early: () => 'Těhotné ženy a rodiny s dětmi do 7 let.',
  adult: (area) => `Dospělí a rodiny s dětmi z ${area} v tíživé finanční nebo životní situaci.`,
  professional: () =>
    'Pracovníci OSPOD, sociálních služeb, škol, zdravotnictví a Policie ČR, kteří pečují o ohrožené děti.',
  interpretation: () => 'Rodiny, které nemluví česky, a odborníci, kteří s nimi jednají.',
};

const SENTENCES = [
  'Služba je poskytována ambulantně i v domácnosti rodiny.',
  'Pracujeme individuálně i se skupinami.',
  'Úzce spolupracujeme s OSPOD, školami a lékaři v regionu.',
  'Službu můžete využít i anonymně.',
  'Jsme registrovanou sociální službou podle zákona o sociálních službách.',
  'Pomůžeme vám zorientovat se v situaci a najít další navazující pomoc.',
];

const hash = (n: number): number => Math.abs(Math.imul(n, 2_654_435_761) | 0);

export const czVocab: CountryVocab = {
  country: 'CZ',
  language: 'cs',
  timezone: 'Europe/Prague',
  currency: 'CZK',
  domain: 'example',
  templates: czTemplates,
  streets: STREETS,
  address1: (rng) => `${rng.pick(STREETS)} ${rng.int(1, 1800)}${rng.chance(0.4) ? `/${rng.int(1, 40)}` : ''}`,
  postalCode: (town: Town) => {
    const seat = SEAT_PSC[town.orp ?? ''] ?? '586 01';
    return isSeat(town) ? seat : `${seat.slice(0, 3)} ${10 + (hash(town.geonameId) % 89)}`;
  },
  city: (town) => ({ city: town.name, region: null }),
  phone: (town, rng, mobile) =>
    mobile
      ? `+420 ${rng.pick(['602', '605', '720', '731', '737', '776', '777'])} ${rng.digits(3)} ${rng.digits(3)}`
      : `+420 ${LANDLINE[town.orp ?? ''] ?? '567'} ${rng.int(1, 9)}${rng.digits(2)} ${rng.digits(3)}`,
  extraLanguages: [
    ['en', 0.12],
    ['uk', 0.1],
    ['sk', 0.08],
    ['de', 0.05],
    ['rom', 0.03],
  ],
  describe: (label, town, area, rng) =>
    `${label} pro děti a rodiny z ${genitive(area ?? town.name)}. ${rng.pick(SENTENCES)}`,
  eligibility: (category, town, area) => ELIGIBILITY[category](genitive(area ?? town.name)),
  ages: {},
  areaDescription: (area) => `Služba je určena obyvatelům ${area.startsWith('ORP') ? area : genitive(area)}.`,
  applicationProcess: [
    'Osobně, telefonicky nebo e-mailem; doporučení není potřeba.',
    'Po telefonické domluvě; službu lze využít anonymně.',
    'Na doporučení OSPOD, školy nebo lékaře, případně na vlastní žádost.',
    'Kontaktujte nás telefonicky, první schůzku domluvíme do týdne.',
  ],
  waitTime: ['Do 7 dnů', 'Do 14 dnů', 'Bez čekací doby', 'Obvykle 2–3 týdny'],
  interpretation: (codes) => `Tlumočení na vyžádání: ${codes.map((c) => LANGUAGE_CS[c] ?? c).join(', ')}.`,
  free: { option: 'Bezplatně', description: 'Služba je poskytována bez úhrady.' },
  paid: [
    {
      term: 'mediation',
      option: 'Mediace',
      amount: 600,
      description: '600 Kč za hodinu; první konzultace zdarma.',
    },
    {
      term: 'mother_child_shelter',
      option: 'Ubytování',
      amount: 170,
      description: '170 Kč za den a dospělou osobu, děti 90 Kč.',
    },
    {
      term: 'family_therapy',
      option: 'Rodinná terapie',
      amount: 400,
      description: '400 Kč za sezení, při nízkém příjmu sleva.',
    },
    {
      term: 'leisure',
      option: 'Kroužky',
      amount: 800,
      description: '800 Kč za pololetí, sourozenecká sleva.',
    },
    {
      term: 'family_centre',
      option: 'Vstupné do herny',
      amount: 50,
      description: '50 Kč za dopoledne s dítětem.',
    },
  ],
  accessibility: [
    ['Bezbariérový přístup', 'Vstup z ulice bez schodů, bezbariérové WC v přízemí.', true],
    ['Částečně bezbariérové', 'Jeden schod u vchodu, na požádání přenosná rampa.', null],
    [
      'Bez bezbariérového přístupu',
      'Kancelář ve 2. patře bez výtahu; po domluvě se sejdeme v přízemí.',
      false,
    ],
    [
      'Bezbariérový přístup, výtah',
      'Výtah, bezbariérové WC, vyhrazené parkovací místo pro osoby se zdravotním postižením.',
      true,
    ],
    [
      'Bezbariérový přístup, indukční smyčka',
      'Bezbariérový vstup; indukční smyčka pro nedoslýchavé na recepci.',
      true,
    ],
  ],
  transportation: [
    '5 minut pěšky od autobusového nádraží.',
    'Zastávka MHD přímo před budovou.',
    '10 minut pěšky od vlakového nádraží.',
    'Parkování ve dvoře budovy.',
    'Autobusová zastávka Náměstí, 3 minuty pěšky.',
  ],
  branchName: (org, town, sameTown) =>
    sameTown ? `${org} – detašované pracoviště` : `${org} – pracoviště ${town.name}`,
  schedule: {
    office: 'Provozní doba',
    evening: 'Odpolední konzultace',
    weekend: 'Sobotní program',
    nonstop: 'Nepřetržitý provoz',
    byAppointment: 'Po předchozí domluvě telefonicky nebo e-mailem',
    club: 'Otevírací doba klubu',
    online: 'Online poradna (chat a video) ve všední dny večer',
  },
  alert: 'Služba je dočasně uzavřena z důvodu rekonstrukce prostor.',
  websitePath: 'sluzby',
};

/** ORP seat towns, recognised by name within their own ORP. */
const SEAT_NAMES: Record<string, string> = {
  '6101': 'Bystřice nad Pernštejnem',
  '6102': 'Havlíčkův Brod',
  '6103': 'Humpolec',
  '6104': 'Chotěboř',
  '6105': 'Jihlava',
  '6106': 'Moravské Budějovice',
  '6107': 'Náměšť nad Oslavou',
  '6108': 'Nové Město na Moravě',
  '6109': 'Pacov',
  '6110': 'Pelhřimov',
  '6111': 'Světlá nad Sázavou',
  '6112': 'Telč',
  '6113': 'Třebíč',
  '6114': 'Velké Meziříčí',
  '6115': 'Žďár nad Sázavou',
};
const isSeat = (town: Town): boolean => SEAT_NAMES[town.orp ?? ''] === town.name;

/** The district court serving each ORP (there are five, one per okres). */
export const CZ_COURT: Record<string, string> = {
  '6101': 'Okresní soud ve Žďáru nad Sázavou',
  '6102': 'Okresní soud v Havlíčkově Brodě',
  '6103': 'Okresní soud v Pelhřimově',
  '6104': 'Okresní soud v Havlíčkově Brodě',
  '6105': 'Okresní soud v Jihlavě',
  '6106': 'Okresní soud v Třebíči',
  '6107': 'Okresní soud v Třebíči',
  '6108': 'Okresní soud ve Žďáru nad Sázavou',
  '6109': 'Okresní soud v Pelhřimově',
  '6110': 'Okresní soud v Pelhřimově',
  '6111': 'Okresní soud v Havlíčkově Brodě',
  '6112': 'Okresní soud v Jihlavě',
  '6113': 'Okresní soud v Třebíči',
  '6114': 'Okresní soud ve Žďáru nad Sázavou',
  '6115': 'Okresní soud ve Žďáru nad Sázavou',
};
export const CZ_HOSPITAL_TOWNS = ['Jihlava', 'Třebíč', 'Havlíčkův Brod', 'Pelhřimov', 'Nové Město na Moravě'];
