// The CareMap service taxonomy: two levels (groups, terms), drawn from the seed documents (HU child
// welfare centres and territorial child-protection services, the CZ Vysočina networking programme,
// TR foster care and adoption). Codes are stable identifiers: never rename one, add a new code instead.
import type { Labels, taxonomy, taxonomyTerm } from '../schema/directory';
import { seedId } from './random';
import { pipeRows } from './table';

export interface TermDef {
  code: string;
  /** Code of the group; undefined for a group itself. */
  group: string | undefined;
  labels: Labels;
  description: string;
}

// code | group ('-' for a group) | hu | cs | tr | en | description (en)
const TABLE = `
crisis_and_protection | - | Krízisellátás és védelem | Krizová pomoc a ochrana | Kriz müdahalesi ve koruma | Crisis help and protection | Help when a child or family is in acute danger.
crisis_service | crisis_and_protection | Krízisszolgáltatás | Krizová pomoc | Kriz hizmeti | Crisis service | Immediate help for children and families in an acute crisis, to avoid removal from the family.
immediate_reception | crisis_and_protection | Azonnali befogadás, befogadó otthon | Zařízení pro děti vyžadující okamžitou pomoc | Acil kabul ve geçici barınma | Immediate reception (reception home) | Round-the-clock reception of a child who has to leave home at once.
on_call_signalling | crisis_and_protection | Jelzőrendszeri készenléti szolgálat | Pohotovostní linka pro hlášení ohrožených dětí | Nöbetçi bildirim hattı | On-call signalling service | Round-the-clock phone line for members of the signalling system who see a child in danger.
crisis_helpline | crisis_and_protection | Lelkisegély-vonal | Linka důvěry | Kriz destek hattı | Crisis helpline | Anonymous phone and chat help for children, young people and parents.
domestic_violence | crisis_and_protection | Kapcsolati erőszak áldozatainak segítése | Pomoc obětem domácího násilí | Aile içi şiddet mağdurlarına destek | Domestic-violence support | Counselling, safety planning and protected housing for victims of domestic violence.
mother_child_shelter | crisis_and_protection | Családok átmeneti otthona | Azylový dům pro matky s dětmi | Çocuklu anneler için sığınma evi | Shelter for mothers with children | Temporary housing for parents with children who have nowhere safe to live.
family_support | - | Családok támogatása | Podpora rodin | Ailelere destek | Family support | Help for families so that children can grow up at home.
family_case_work | family_support | Családsegítés, családgondozás | Sociálně aktivizační služby pro rodiny s dětmi | Aile sosyal hizmeti ve vaka yönetimi | Family case work | Planned social work with a family, with a care plan reviewed at least every six months.
family_consultation | family_support | Családkonzultáció | Rodinná konzultace | Aile görüşmesi | Family consultation | Guided talks with the whole family to understand and ease its difficulties.
family_therapy | family_support | Családterápia | Rodinná terapie | Aile terapisi | Family therapy | Therapy for the family as a system, by a trained family therapist.
mediation | family_support | Közvetítői eljárás (mediáció) | Rodinná mediace | Aile arabuluculuğu | Mediation | Conflict resolution by a neutral mediator, especially in divorce, custody and contact disputes.
supervised_contact | family_support | Kapcsolattartási ügyelet | Asistovaný kontakt dítěte s rodičem | Gözetimli görüşme | Supervised contact | A neutral, safe place where a child meets a parent or relative under supervision.
parenting_support | family_support | Szülői kompetenciák fejlesztése | Podpora rodičovských kompetencí | Ebeveynlik becerilerine destek | Parenting support | Individual and group support for parents in raising their children.
early_childhood | family_support | Kora gyermekkori fejlesztés | Raná péče | Erken çocukluk gelişimi desteği | Early childhood development | Support for the development of children aged 0 to 7 and for their parents.
family_centre | family_support | Családi központ, gyerekház | Rodinné a mateřské centrum | Aile ve çocuk merkezi | Family centre | Open meeting place with programmes for parents and young children.
perinatal_support | family_support | Várandós és kisgyermekes anyák támogatása | Podpora těhotných a matek s malými dětmi | Hamile kadınlara ve yeni annelere destek | Support for pregnant women and new mothers | Help around pregnancy, birth and the first months with a baby.
counselling_and_therapy | - | Tanácsadás és terápia | Poradenství a terapie | Danışmanlık ve terapi | Counselling and therapy | Psychological, educational, legal and financial counselling.
psychological_counselling | counselling_and_therapy | Pszichológiai tanácsadás | Psychologické poradenství | Psikolojik danışmanlık | Psychological counselling | Counselling by a psychologist for children, young people and parents.
child_psychotherapy | counselling_and_therapy | Gyermek- és ifjúsági pszichoterápia | Psychoterapie dětí a dospívajících | Çocuk ve ergen psikoterapisi | Child and adolescent psychotherapy | Longer-term therapy for children and adolescents.
hearing_therapy | counselling_and_therapy | Meghallgató és terápiás szolgáltatás | Šetrný výslech a terapie dětských obětí | Çocuk dinleme ve terapi hizmeti | Hearing and therapy service | Child-friendly hearing of child victims and witnesses, and therapy afterwards.
educational_counselling | counselling_and_therapy | Nevelési tanácsadás | Pedagogicko-psychologické poradenství | Eğitim ve rehberlik danışmanlığı | Educational and psychological counselling | Help with learning, behaviour and school difficulties.
addiction_counselling | counselling_and_therapy | Szenvedélybeteg-tanácsadás | Adiktologické poradenství | Bağımlılık danışmanlığı | Addiction counselling | Counselling on alcohol, drugs, gambling and screen addiction, for young people and parents.
legal_information | counselling_and_therapy | Jogi tájékoztatás | Právní poradenství | Hukuki bilgilendirme | Legal information | Information on family law, custody, benefits and authority proceedings.
debt_counselling | counselling_and_therapy | Adósságkezelési tanácsadás | Dluhové poradenství | Borç danışmanlığı | Debt counselling | Help to understand and manage debts, arrears and enforcement.
disability_support | counselling_and_therapy | Fogyatékossággal élő gyermekek családjainak támogatása | Podpora rodin s dětmi se zdravotním postižením | Engelli çocukların ailelerine destek | Support for families of children with disabilities | Advice, therapy and respite for families of children with disabilities.
community_social_work | - | Szociális munka a közösségben | Terénní a komunitní sociální práce | Toplum temelli sosyal hizmet | Community social work | Social work where children and families are: streets, estates, hospitals, schools.
street_social_work | community_social_work | Utcai szociális munka | Terénní sociální práce na ulici | Sokakta sosyal hizmet | Street social work | Outreach to children and young people who spend their time on the street.
housing_estate_social_work | community_social_work | Lakótelepi szociális munka | Sociální práce na sídlišti | Toplu konut bölgelerinde sosyal hizmet | Housing-estate social work | Outreach and community work on large housing estates.
hospital_social_work | community_social_work | Kórházi szociális munka | Sociální práce v nemocnici | Hastane sosyal hizmeti | Hospital social work | Social work with children and families in hospital, e.g. after birth or injury.
school_social_work | community_social_work | Óvodai és iskolai szociális segítő tevékenység | Školní sociální práce | Okul sosyal hizmeti | School social work | A social worker in kindergartens and schools for pupils, parents and teachers.
roma_mediation | community_social_work | Roma közösségi mediáció | Romská komunitní mediace | Roman topluluklarıyla arabuluculuk | Roma community mediation | Mediators from the Roma community who build trust between families and services.
community_work | community_social_work | Közösségfejlesztés | Komunitní práce | Toplum kalkınması çalışması | Community development work | Work with a neighbourhood or village to strengthen its own resources.
alternative_care | - | Gyermekvédelmi szakellátás | Náhradní rodinná a ústavní péče | Alternatif bakım | Alternative care | Care for children who cannot live with their own family.
foster_care_support | alternative_care | Nevelőszülők támogatása | Doprovázení pěstounských rodin | Koruyucu ailelere destek | Foster-care support | Accompaniment, respite and training for foster families.
foster_care_preparation | alternative_care | Nevelőszülők toborzása és felkészítése | Příprava žadatelů o náhradní rodinnou péči | Koruyucu aile adaylarının hazırlanması | Foster-carer recruitment and preparation | Information, assessment and preparation courses for future foster carers.
adoption_support | alternative_care | Örökbefogadás támogatása | Podpora osvojitelů | Evlat edinme desteği | Adoption support | Preparation and support for adoptive parents and adopted children.
residential_care | alternative_care | Gyermekotthon | Dětský domov | Çocuk evi | Children's home | Residential care for children who cannot live in a family for now.
independent_life | alternative_care | Önálló életre való felkészítés | Příprava na samostatný život | Bağımsız yaşama hazırlık | Preparation for independent life | Preparing young people in care for living on their own.
aftercare | alternative_care | Utógondozás | Podpora mladých dospělých po odchodu z péče | Bakım sonrası destek | Aftercare for care leavers | Housing, study and work support for young adults who have left care.
signalling_and_cooperation | - | Jelzőrendszer és szakmai együttműködés | Síťování a spolupráce odborníků | Bildirim sistemi ve mesleki iş birliği | Signalling system and professional cooperation | How professionals around a child work together.
signalling_coordination | signalling_and_cooperation | Jelzőrendszeri tanácsadás és koordináció | Koordinace sítě služeb pro ohrožené děti | Bildirim sistemi danışmanlığı ve koordinasyonu | Signalling-system coordination | Advice to and coordination of the members of the signalling system; meetings every two months.
case_conference | signalling_and_cooperation | Esetkonferencia | Případová konference | Vaka konferansı | Case conference | A multi-agency meeting about one child's case, with the family where possible.
family_group_conference | signalling_and_cooperation | Családi döntéshozó konferencia | Rodinná konference | Aile karar toplantısı | Family decision-making conference | The family and its network make their own plan for the child.
supervision | signalling_and_cooperation | Szupervízió szakembereknek | Supervize pro pracovníky | Profesyoneller için süpervizyon | Supervision for professionals | Regular supervision for social workers and other helping professionals.
professional_training | signalling_and_cooperation | Szakmai továbbképzés | Vzdělávání pracovníků | Mesleki eğitim | Training for professionals | Courses and case-discussion forums for members of the network.
interpretation | signalling_and_cooperation | Tolmácsolás | Tlumočení | Sözlü çeviri | Interpretation | Interpreters for families who do not speak the local language.
practical_help | - | Gyakorlati és anyagi segítség | Praktická a materiální pomoc | Pratik ve maddi yardım | Practical and material help | Work, money, food and housing.
job_search | practical_help | Álláskeresési segítség | Pomoc při hledání zaměstnání | İş arama desteği | Job-search help | Help with CVs, job offers and contact with employers.
material_aid | practical_help | Tisztálkodási és anyagi segítség | Hygienický servis a materiální pomoc | Hijyen ve maddi yardım | Sanitation and material aid | Showers, laundry, clothes and basic goods for families in need.
food_aid | practical_help | Élelmiszersegély | Potravinová pomoc | Gıda yardımı | Food aid | Food parcels and meals for families in need.
housing_support | practical_help | Lakhatási tanácsadás | Podpora v bydlení | Barınma desteği | Housing support | Help to keep or find a home, and to avoid eviction.
benefits_advice | practical_help | Segítség ellátások igényléséhez | Pomoc s vyřízením dávek | Sosyal yardım başvurularında destek | Help with benefits | Help to claim the benefits a family is entitled to.
children_and_youth | - | Gyermekek és fiatalok | Děti a mládež | Çocuklar ve gençler | Children and young people | Services that children and young people use directly.
youth_club | children_and_youth | Ifjúsági klub | Nízkoprahový klub pro děti a mládež | Gençlik kulübü | Youth club | Low-threshold club where young people can drop in, talk and get help.
tutoring | children_and_youth | Tanoda, tanulási segítség | Doučování a podpora při vzdělávání | Etüt ve ders desteği | Tutoring and learning support | After-school learning support for children at risk of dropping out.
leisure | children_and_youth | Szabadidős programok gyermekeknek | Volnočasové aktivity pro děti | Çocuklar için boş zaman etkinlikleri | Leisure activities for children | Clubs, camps and holiday programmes.
youth_counselling | children_and_youth | Ifjúsági tanácsadás | Poradenství pro dospívající | Gençlik danışmanlığı | Youth counselling | Confidential counselling for teenagers and young adults.
`;

function parse(): TermDef[] {
  return pipeRows(TABLE, 7, 'taxonomy').map(([code, group, hu, cs, tr, en, description]) => ({
    code,
    group: group === '-' ? undefined : group,
    labels: { hu, cs, tr, en },
    description,
  }));
}

export const TERM_DEFS: readonly TermDef[] = parse();
const byCode = new Map(TERM_DEFS.map((t) => [t.code, t]));

export function termDef(code: string): TermDef {
  const def = byCode.get(code);
  if (!def) throw new Error(`unknown taxonomy term ${code}`);
  return def;
}

export const TAXONOMY_ID = seedId('taxonomy:caremap-services');

/**
 * CareMap facets: structured yes/no facts about a service or location, stored as HSDS attributes
 * with value 'true' or 'false' (never read from free text). The search filters read them by code.
 */
export const FACET_TAXONOMY = 'caremap-facets';
export const FACET_TAXONOMY_ID = seedId('taxonomy:caremap-facets');
export const FACET_DEFS = [
  {
    code: 'wheelchair_accessible',
    labels: {
      hu: 'Kerekesszékkel megközelíthető',
      cs: 'Přístupné na vozíku',
      tr: 'Tekerlekli sandalyeyle erişilebilir',
      en: 'Wheelchair accessible',
    },
    description: 'The place can be entered and used in a wheelchair (value true or false).',
  },
  {
    code: 'open_on_public_holidays',
    labels: {
      hu: 'Munkaszüneti napokon is nyitva',
      cs: 'Otevřeno i o svátcích',
      tr: 'Resmî tatillerde de açık',
      en: 'Open on public holidays',
    },
    description: 'The opening hours also apply on public holidays (value true or false).',
  },
] as const satisfies ReadonlyArray<{ code: string; labels: Labels; description: string }>;
export type FacetCode = (typeof FACET_DEFS)[number]['code'];
export const facetId = (code: FacetCode): string => seedId(`taxonomy-term:facet:${code}`);
export const termId = (code: string): string => {
  termDef(code);
  return seedId(`taxonomy-term:${code}`);
};

export function buildTaxonomy(): {
  taxonomy: (typeof taxonomy.$inferInsert)[];
  terms: (typeof taxonomyTerm.$inferInsert)[];
} {
  const terms = TERM_DEFS.map((t) => ({
    id: termId(t.code),
    code: t.code,
    name: t.labels.en,
    description: t.description,
    parentId: t.group ? termId(t.group) : null,
    taxonomy: 'caremap-services',
    language: 'en',
    taxonomyId: TAXONOMY_ID,
    labels: t.labels,
  }));
  // Groups first, so that parents exist before their children even across insert chunks.
  terms.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  const facets = FACET_DEFS.map((f) => ({
    id: facetId(f.code),
    code: f.code,
    name: f.labels.en,
    description: f.description,
    parentId: null,
    taxonomy: FACET_TAXONOMY,
    language: 'en',
    taxonomyId: FACET_TAXONOMY_ID,
    labels: { ...f.labels },
  }));
  return {
    taxonomy: [
      {
        id: TAXONOMY_ID,
        name: 'CareMap service taxonomy',
        description:
          'Types of services for children at risk and their families, drawn from Hungarian, Czech and Turkish child-protection practice. Two levels: groups and terms; every term is labelled in hu, cs, tr and en.',
        version: '1',
      },
      {
        id: FACET_TAXONOMY_ID,
        name: FACET_TAXONOMY,
        description:
          'CareMap facets: yes/no facts about services and locations (wheelchair access, open on public holidays), as HSDS attributes with value true or false.',
        version: '1',
      },
    ],
    terms: [...terms, ...facets],
  };
}
