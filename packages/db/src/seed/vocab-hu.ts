// Hungarian vocabulary for the demo providers. Names follow real Hungarian patterns but no name is a
// real person's; web sites and e-mail addresses use the reserved .example domain.
import type { Town } from './geodata';
import {
  type CountryVocab,
  type EligibilityCategory,
  hunAdjective,
  type OrgTemplate,
  parseTemplates,
} from './vocab';

// key | name | legal status | conditions | weight | branches | terms | description
const TEMPLATES = `
csgyk | Család- és Gyermekjóléti Központ {town} | önkormányzati intézmény | min=10000 | 0 | 1.5 | family_case_work street_social_work housing_estate_social_work hospital_social_work supervised_contact mediation on_call_signalling signalling_coordination psychological_counselling family_consultation family_therapy family_group_conference legal_information job_search debt_counselling school_social_work case_conference | A járás gyermekjóléti központja: esetmenedzsment, speciális szolgáltatások és a jelzőrendszer koordinálása.
csgysz | Család- és Gyermekjóléti Szolgálat {town} | önkormányzati intézmény | max=10000 | 6 | 0.8 | family_case_work parenting_support material_aid signalling_coordination benefits_advice school_social_work | Családsegítés és gyermekjóléti szolgáltatás a településen és a társult községekben.
tgysz | {county} Vármegyei Területi Gyermekvédelmi Szakszolgálat | központi költségvetési szerv | region | 0 | 3 | crisis_service immediate_reception mediation hearing_therapy foster_care_support foster_care_preparation adoption_support independent_life aftercare supervised_contact | A vármegye területi gyermekvédelmi szakszolgálata: szakszolgáltatások a családjukból kiemelt gyermekek körül, befogadó otthon.
maltai | Máltai Szeretetszolgálat {town} | egyházi jogi személy | min=5000 | 3 | 1 | material_aid food_aid street_social_work tutoring community_work roma_mediation | Segítség rászoruló családoknak: adományok, utcai szociális munka, tanoda és közösségi programok.
voroskereszt | Magyar Vöröskereszt – {town} | egyesület | min=8000 | 1 | 0.3 | material_aid food_aid leisure | Adományosztás, nyári táborok és elsősegély-képzés.
karitasz | Katolikus Karitász – {town} | egyházi jogi személy | min=3000 | 2 | 0.5 | material_aid food_aid family_case_work mother_child_shelter | Plébániai karitászcsoport: családsegítés, élelmiszer- és ruhaosztás.
reformatus | Református Szeretetszolgálat – {town} | egyházi jogi személy | min=5000 | 1 | 0.5 | tutoring leisure disability_support family_centre | Gyermek- és családprogramok, fogyatékossággal élők támogatása.
baptista | Baptista Szeretetszolgálat – {town} | egyházi jogi személy | min=10000 | 1 | 0.5 | aftercare independent_life domestic_violence addiction_counselling | Utógondozás, kapcsolati erőszak áldozatainak segítése és szenvedélybeteg-ellátás.
csao | Családok Átmeneti Otthona {town} | önkormányzati intézmény | min=15000 | 2 | 0 | mother_child_shelter housing_support parenting_support crisis_service | Átmeneti szállás otthontalanná vált szülőknek és gyermekeiknek.
biztos-kezdet | Biztos Kezdet Gyerekház {town} | önkormányzati intézmény | min=800,max=30000 | 4 | 0 | early_childhood family_centre parenting_support perinatal_support | Játszóház és fejlesztés 0–5 éves gyermekeknek és szüleiknek.
tanoda | Tanoda {town} | egyesület | min=1000 | 4 | 0 | tutoring roma_mediation leisure youth_club | Délutáni tanulássegítés és közösségi programok iskolás gyermekeknek.
ifjusagi-haz | Ifjúsági Ház {town} | önkormányzati intézmény | min=8000 | 2 | 0 | youth_club leisure youth_counselling addiction_counselling | Ifjúsági klub, tanácsadás és szabadidős programok fiataloknak.
pedagogiai-szakszolgalat | Pedagógiai Szakszolgálat – {town} | központi költségvetési szerv | min=5000 | 2 | 0.5 | educational_counselling early_childhood psychological_counselling disability_support | Nevelési tanácsadás, korai fejlesztés és iskolapszichológia.
krizis | Krízisközpont {town} | alapítvány | min=40000,region | 1 | 0 | domestic_violence crisis_service crisis_helpline legal_information | Kapcsolati erőszak áldozatainak krízisellátása és titkos menedékház.
lelkisegely | Lelkisegély Telefonszolgálat {town} | egyesület | min=50000,region | 1 | 0 | crisis_helpline youth_counselling | Éjjel-nappal hívható, névtelen lelkisegély-vonal.
szenvedely | Szenvedélybeteg-segítő Szolgálat {town} | alapítvány | min=20000 | 1 | 0.5 | addiction_counselling street_social_work psychological_counselling | Alacsonyküszöbű ellátás és tanácsadás szerhasználó fiataloknak és hozzátartozóiknak.
korhaz | {adj} Kórház | központi költségvetési szerv | min=25000 | 1 | 0 | hospital_social_work perinatal_support child_psychotherapy | Kórházi szociális munka a gyermek- és szülészeti osztályon.
kormanyhivatal | {county} Vármegyei Kormányhivatal – Foglalkoztatási Osztály, {town} | központi költségvetési szerv | min=8000 | 2 | 0 | job_search benefits_advice | Álláskeresők nyilvántartása, álláspályázatok és képzések.
roma-onkormanyzat | Roma Nemzetiségi Önkormányzat {town} | nemzetiségi önkormányzat | min=2000 | 2 | 0 | roma_mediation community_work tutoring | A helyi roma közösség érdekképviselete, mediáció és tanulássegítés.
jogsegely | Jogi Segítségnyújtó Iroda {town} | alapítvány | min=30000 | 1 | 0 | legal_information debt_counselling benefits_advice | Ingyenes jogi tájékoztatás rászoruló családoknak.
gyermekekert | Gyermekekért Alapítvány {town} | alapítvány | min=2000 | 2 | 0 | leisure tutoring material_aid family_centre | Helyi alapítvány: táborok, tanszersegély és családi programok.
nevelosuloi-halozat | Nevelőszülői Hálózat – {town} | nonprofit kft. | min=20000 | 1 | 1 | foster_care_support foster_care_preparation aftercare independent_life | Nevelőszülők toborzása, felkészítése és támogatása.
gyermekotthon | Gyermekotthon {town} | központi költségvetési szerv | min=5000 | 1 | 0 | residential_care independent_life aftercare | Lakásotthonok és gyermekotthon a családjukból kiemelt gyermekeknek.
tolmacs | Tolmács- és Fordítószolgálat {town} | nonprofit kft. | min=150000,region | 1 | 0 | interpretation | Tolmácsolás családoknak és szakembereknek hatósági és iskolai ügyekben.
szupervizio | Szupervíziós és Képzési Műhely {town} | egyesület | min=100000,region | 1 | 0 | supervision professional_training case_conference | Szupervízió és akkreditált továbbképzés gyermekvédelmi szakembereknek.
`;

export const huTemplates: readonly OrgTemplate[] = parseTemplates(TEMPLATES, {
  tgysz: (_town, county) =>
    county === 'Budapest'
      ? 'Fővárosi Területi Gyermekvédelmi Szakszolgálat'
      : `${county.replace(/ vármegye$/, '')} Vármegyei Területi Gyermekvédelmi Szakszolgálat`,
  kormanyhivatal: (town, county) =>
    county === 'Budapest'
      ? `Budapest Főváros Kormányhivatala – Foglalkoztatási Osztály, ${budapestDistrict(town.name)?.label ?? 'Budapest'}`
      : `${county.replace(/ vármegye$/, '')} Vármegyei Kormányhivatal – Foglalkoztatási Osztály, ${town.name}`,
});

/** Postcode ranges by county, and the real postcode of the county seats. */
const POSTCODES: Record<string, [number, number, string?, number?]> = {
  'HU-BA': [7600, 7999, 'Pécs', 7621],
  'HU-BE': [5500, 5999, 'Békéscsaba', 5600],
  'HU-BK': [6000, 6599, 'Kecskemét', 6000],
  'HU-BU': [1011, 1239],
  'HU-BZ': [3400, 3999, 'Miskolc', 3525],
  'HU-CS': [6600, 6999, 'Szeged', 6720],
  'HU-FE': [8000, 8154, 'Székesfehérvár', 8000],
  'HU-GS': [9000, 9499, 'Győr', 9021],
  'HU-HB': [4000, 4299, 'Debrecen', 4024],
  'HU-HE': [3200, 3399, 'Eger', 3300],
  'HU-JN': [5000, 5499, 'Szolnok', 5000],
  'HU-KE': [2800, 2949, 'Tatabánya', 2800],
  'HU-NO': [3041, 3188, 'Salgótarján', 3100],
  'HU-PE': [2000, 2799, 'Érd', 2030],
  'HU-SO': [7400, 7599, 'Kaposvár', 7400],
  'HU-SZ': [4300, 4999, 'Nyíregyháza', 4400],
  'HU-TO': [7000, 7199, 'Szekszárd', 7100],
  'HU-VA': [9500, 9999, 'Szombathely', 9700],
  'HU-VE': [8100, 8599, 'Veszprém', 8200],
  'HU-ZA': [8300, 8999, 'Zalaegerszeg', 8900],
};

/** Landline area codes by county (Budapest: 1). */
const AREA_CODE: Record<string, string> = {
  'HU-BA': '72',
  'HU-BE': '66',
  'HU-BK': '76',
  'HU-BU': '1',
  'HU-BZ': '46',
  'HU-CS': '62',
  'HU-FE': '22',
  'HU-GS': '96',
  'HU-HB': '52',
  'HU-HE': '36',
  'HU-JN': '56',
  'HU-KE': '34',
  'HU-NO': '32',
  'HU-PE': '28',
  'HU-SO': '82',
  'HU-SZ': '42',
  'HU-TO': '74',
  'HU-VA': '94',
  'HU-VE': '88',
  'HU-ZA': '92',
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
const fromRoman = (s: string): number =>
  [...s].reduce((sum, c, i) => {
    const v = ROMAN[c] ?? 0;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    return sum + (v < next ? -v : v);
  }, 0);
const NAMED_DISTRICTS: Record<string, number> = { Zugló: 14, Kőbánya: 10, Józsefváros: 8 };
const roman = (n: number): string =>
  ['', 'X', 'XX'][Math.floor(n / 10)]! +
  ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10]!;

/** Budapest district of a GeoNames place ("Budapest XI. kerület", "Zugló"), if it is one. */
export function budapestDistrict(name: string): { number: number; label: string } | undefined {
  const m = /^Budapest ([IVXL]+)\. kerület$/.exec(name);
  if (m) return { number: fromRoman(m[1]!), label: `${m[1]}. kerület` };
  const named = NAMED_DISTRICTS[name];
  return named ? { number: named, label: `${roman(named)}. kerület (${name})` } : undefined;
}

const hash = (n: number): number => Math.abs(Math.imul(n, 2_654_435_761) | 0);

const STREETS = [
  'Fő utca',
  'Szabadság tér',
  'Béke utca',
  'Hősök tere',
  'Templom utca',
  'Iskola utca',
  'Kórház utca',
  'Malom utca',
  'Rózsa utca',
  'Virág utca',
  'Liget utca',
  'Park utca',
  'Vasút utca',
  'Állomás utca',
  'Kert utca',
  'Sport utca',
  'Városház tér',
  'Piac tér',
  'Március 15. tér',
  'Október 6. utca',
  'Honvéd utca',
  'Tavasz utca',
  'Nyár utca',
  'Mező utca',
];

const LANGUAGE_HU: Record<string, string> = {
  en: 'angol',
  de: 'német',
  sk: 'szlovák',
  uk: 'ukrán',
  rom: 'romani',
  tr: 'török',
  cs: 'cseh',
};

const place = (town: Town, area: string | null): string => area ?? `${town.name} és környéke`;

const ELIGIBILITY: Record<EligibilityCategory, (where: string) => string> = {
  child: (where) =>
    `${where} 0–18 éves gyermekei és családjaik, akiknek a fejlődését veszélyeztető körülmények állnak fenn.`,
  shelter: () => 'Otthontalanná vált vagy bántalmazás elől menekülő szülők és gyermekeik.',
  violence: () =>
    'Kapcsolati erőszakot elszenvedett személyek és gyermekeik; névtelenül is kérhető segítség.',
  foster: () => 'Nevelőszülők, nevelőszülői hivatásra jelentkezők és az általuk nevelt gyermekek.',
  adoption: () => 'Örökbefogadó szülők, örökbefogadásra jelentkezők és örökbefogadott gyermekek.',
  careLeaver: () => 'Gyermekvédelmi szakellátásból kikerült vagy kikerülő fiatalok 24 éves korig.',
  youth: () => 'Segítséget, közösséget vagy tanácsot kereső gyermekek és fiatalok.',
  early: () => 'Várandós anyák és 0–6 éves gyermeket nevelő családok.',
  adult: () => 'Anyagi vagy életvezetési nehézségekkel küzdő felnőttek és gyermekes családok.',
  professional: () =>
    'A jelzőrendszer tagjai: pedagógusok, védőnők, orvosok, rendőrök és szociális szakemberek.',
  interpretation: () => 'Nem magyar anyanyelvű családok és az őket segítő szakemberek.',
};

const SENTENCES = [
  'Egyéni és csoportos formában is igénybe vehető.',
  'Együttműködünk a jelzőrendszer tagjaival.',
  'A szolgáltatás önkéntesen vehető igénybe.',
  'Szükség esetén családlátogatást is végzünk.',
  'Munkatársaink diplomás segítő szakemberek.',
  'Segítünk eligazodni a további ellátások között.',
];

export const huVocab: CountryVocab = {
  country: 'HU',
  language: 'hu',
  timezone: 'Europe/Budapest',
  currency: 'HUF',
  domain: 'example',
  templates: huTemplates,
  streets: STREETS,
  address1: (rng) => `${rng.pick(STREETS)} ${rng.int(1, 120)}.`,
  postalCode: (town) => {
    const district = budapestDistrict(town.name);
    if (town.county === 'HU-BU') {
      const n = district?.number ?? 5;
      return `1${String(n).padStart(2, '0')}${1 + (hash(town.geonameId) % 9)}`;
    }
    const [lo, hi, seat, seatCode] = POSTCODES[town.county ?? ''] ?? [9000, 9999];
    if (seat === town.name && seatCode) return String(seatCode);
    return String(lo + Math.floor((hash(town.geonameId) % (hi - lo)) / 10) * 10 + 1);
  },
  city: (town) => {
    const district = budapestDistrict(town.name);
    if (district) return { city: 'Budapest', region: district.label };
    // GeoNames' "Budapest" point is in the city centre (V. kerület), where its postcodes start 105x.
    return town.name === 'Budapest'
      ? { city: 'Budapest', region: 'V. kerület' }
      : { city: town.name, region: null };
  },
  phone: (town, rng, mobile) => {
    if (mobile)
      return `+36 ${rng.pick(['20', '30', '70'])} ${rng.int(1, 9)}${rng.digits(2)} ${rng.digits(4)}`;
    const area = AREA_CODE[town.county ?? ''] ?? '1';
    return area === '1'
      ? `+36 1 ${rng.int(2, 4)}${rng.digits(2)} ${rng.digits(4)}`
      : `+36 ${area} ${rng.int(2, 5)}${rng.digits(2)} ${rng.digits(3)}`;
  },
  extraLanguages: [
    ['en', 0.1],
    ['rom', 0.07],
    ['de', 0.04],
    ['uk', 0.04],
    ['sk', 0.02],
    ['tr', 0.02],
  ],
  describe: (label, town, area, rng) =>
    `${label} ${place(town, area)} gyermekei és családjai számára. ${rng.pick(SENTENCES)}`,
  eligibility: (category, town, area) => ELIGIBILITY[category](place(town, area)),
  ages: {
    aftercare: [18, 24],
    youth_club: [10, 24],
    street_social_work: [10, 24],
    independent_life: [14, 24],
  },
  areaDescription: (area) => `A szolgáltatás ${area} lakói számára érhető el.`,
  applicationProcess: [
    'Személyesen, telefonon vagy e-mailben; beutaló nem szükséges.',
    'A jelzőrendszer tagjainak jelzése vagy saját kérés alapján.',
    'Előzetes telefonos egyeztetés után; névtelenül is igénybe vehető.',
    'A gyámhatóság vagy a család- és gyermekjóléti központ kezdeményezésére.',
  ],
  waitTime: ['Egy héten belül', 'Két héten belül', 'Nincs várakozási idő', 'Általában 3–4 hét'],
  interpretation: (codes) => `Tolmácsolás kérésre: ${codes.map((c) => LANGUAGE_HU[c] ?? c).join(', ')}.`,
  free: { option: 'Térítésmentes', description: 'A szolgáltatás ingyenes.' },
  paid: [
    {
      term: 'family_therapy',
      option: 'Családterápia (magánrendelés)',
      amount: 8000,
      description: '8000 Ft alkalmanként; rászorultság esetén ingyenes.',
    },
    {
      term: 'mother_child_shelter',
      option: 'Térítési díj',
      amount: null,
      description: 'A jövedelem legfeljebb 30%-a, a fenntartó rendelete szerint.',
    },
    {
      term: 'leisure',
      option: 'Nyári tábor',
      amount: 15000,
      description: '15 000 Ft hetente, rászorulóknak kedvezmény.',
    },
    {
      term: 'child_psychotherapy',
      option: 'Pszichoterápia',
      amount: 10000,
      description: '10 000 Ft alkalmanként, a kórházi ellátás keretében ingyenes.',
    },
  ],
  accessibility: [
    ['Akadálymentes', 'Akadálymentes bejárat és mosdó a földszinten.', true],
    ['Részben akadálymentes', 'Egy lépcső a bejáratnál, kérésre mobil rámpa.', null],
    [
      'Nem akadálymentes',
      'Az iroda az első emeleten van, lift nincs; kérésre a földszinten fogadjuk.',
      false,
    ],
    ['Akadálymentes, lift', 'Lift, akadálymentes mosdó, mozgáskorlátozott parkoló.', true],
    ['Akadálymentes, indukciós hurok', 'Akadálymentes bejárat; indukciós hurok a recepción.', true],
  ],
  transportation: [
    'A buszpályaudvartól 5 perc sétára.',
    'A helyi járatos busz megállója az épület előtt.',
    'A vasútállomástól 10 perc sétára.',
    'Parkolás az udvarban.',
    'A Fő téri buszmegállótól 3 perc gyalog.',
  ],
  branchName: (org, town, sameTown) => {
    if (sameTown) return `${org} – II. telephely`;
    const adjective = hunAdjective(town.name);
    return `${org} – ${town.name.startsWith('Budapest') ? adjective : adjective.charAt(0).toLowerCase() + adjective.slice(1)} telephely`;
  },
  schedule: {
    office: 'Ügyfélfogadás',
    evening: 'Esti fogadóóra',
    weekend: 'Szombati program',
    nonstop: 'Éjjel-nappal elérhető',
    byAppointment: 'Előzetes időpont-egyeztetés alapján',
    club: 'Nyitvatartás',
    online: 'Online tanácsadás (chat és videó) hétköznap este',
  },
  alert: 'Felújítás miatt a szolgáltatás átmenetileg szünetel.',
  websitePath: 'szolgaltatasok',
};
