import { feedbackLetterInput } from '@caremap/validators';
import { describe, expect, it } from 'vitest';
import { letterSamples } from '../../test/document-samples';
import { readPdf } from '../../test/read-pdf';
import { renderFeedbackLetter } from './letter';

/** Lines as pdf.js reads them from the rendered letter. */
async function letterText(input: Parameters<typeof renderFeedbackLetter>[0]) {
  return readPdf(await renderFeedbackLetter(input));
}

describe('renderFeedbackLetter: a proper letter in each language', () => {
  it('Hungarian: Ügyszám, Hivatkozás, Tárgy, "Tisztelt …!", place and date, "Üdvözlettel:"', async () => {
    const pdf = await letterText(letterSamples.hu);
    expect(pdf.pages).toHaveLength(1);
    const lines = pdf.text.split('\n');
    for (const line of [
      'Szegedi Család- és Gyermekjóléti Központ',
      'Szőregi Általános Iskola',
      'Dr. Kőrösi Júlia igazgató részére',
      'Ügyszám: HU-SZGYK-2026-0142',
      'Hivatkozás: Esetkonferencia, 2026. november 24.',
      'Tárgy: Visszajelzés az esetkonferencián megállapodottakról',
      'Tisztelt Dr. Kőrösi Júlia!',
      // 23:30 UTC on 1 December is already 2 December in Budapest: the agency's calendar day.
      'Szeged, 2026. december 2.',
      'Üdvözlettel:',
      'Fülöp Erzsébet',
      'esetmenedzser',
    ]) {
      expect(lines).toContain(line);
    }
    // ő and ű (not õ/û, not dropped) survive into the PDF's text.
    expect(pdf.text).toContain('Bízunk az eredményes együttműködés folytatásában.');
    expect(pdf.text).toMatch(/ő.*ű|ű.*ő/s);
    expect(pdf.text).toContain('Megállapodott feladatok');
    expect(pdf.text).toContain('Feladat Felelős Határidő');
    expect(pdf.text).toContain('osztályfőnök 2026. dec. 15.');
    expect(pdf.text).toContain('1. oldal, összesen 1');
    // The salutation comes after the subject and before the text; the closing after the text.
    const at = (s: string) => pdf.text.indexOf(s);
    expect(at('Tárgy:')).toBeLessThan(at('Tisztelt'));
    expect(at('Tisztelt')).toBeLessThan(at('Köszönjük'));
    expect(at('Szeged, 2026. december 2.')).toBeLessThan(at('Üdvözlettel:'));
    expect(pdf.language).toBe('hu');
  });

  it('Czech: reference line, "Věc:", "Vážená paní,", "S pozdravem", ř ů ě š č ž ý intact', async () => {
    const pdf = await letterText(letterSamples.cs);
    expect(pdf.pages).toHaveLength(1);
    const lines = pdf.text.split('\n');
    for (const line of [
      'Mgr. Věra Dvořáková, ředitelka',
      'Naše značka',
      'CZ-OSPOD-JI-2026-117',
      'Vyřizuje',
      'Místo a datum',
      'Jihlava, 2. prosince 2026',
      'Věc: Zpětná vazba k případové konferenci',
      'Jednání: Případová konference ze dne 24. listopadu 2026',
      'Vážená paní,',
      'S pozdravem',
      'Bc. Jiří Šťastný',
    ]) {
      expect(lines).toContain(line);
    }
    for (const letter of ['ě', 'š', 'č', 'ř', 'ž', 'ů', 'ý', 'Š', 'ť']) expect(pdf.text).toContain(letter);
    expect(pdf.text).toContain('průběžná spolupráce');
    expect(pdf.text).toContain('Úkol Odpovídá Termín');
    expect(pdf.text).toContain('třídní učitelka 18. 12. 2026');
    expect(pdf.text).toContain('Strana 1 z 1');
  });

  it('Turkish: Sayı and date, Konu, İlgi, "Sayın …,", formal closing; ğ ı İ ş ç ö ü intact', async () => {
    const pdf = await letterText(letterSamples.tr);
    expect(pdf.pages).toHaveLength(1);
    const lines = pdf.text.split('\n');
    for (const line of [
      'İstanbul Aile ve Sosyal Hizmetler İl Müdürlüğü',
      'Konu: Vaka konferansı sonrası bilgilendirme',
      'İlgi: 24.11.2026 tarihli vaka konferansı',
      'Dağlıca İlkokulu Müdürlüğü',
      'Ayşe Yılmaz, Okul Müdürü',
      'Sayın Ayşe Yılmaz,',
      'Bilgilerinize saygılarımla sunarım.',
      'Mehmet Öztürk',
    ]) {
      expect(lines).toContain(line);
    }
    expect(pdf.text).toMatch(/Sayı: TR-IST-2026-0385 ?İstanbul, 02\.12\.2026/);
    for (const letter of ['ğ', 'ı', 'İ', 'ş', 'ç', 'ö', 'ü', 'Ş', 'Ç', 'Ö'])
      expect(pdf.text).toContain(letter);
    expect(pdf.text).toContain('Görev Sorumlu Son tarih');
    expect(pdf.text).toContain('Sayfa 1 / 1');
  });

  it('English: "Re:", "Our reference:", "Dear Sir or Madam," closes "Yours faithfully,"', async () => {
    const pdf = await letterText(letterSamples.en);
    const lines = pdf.text.split('\n');
    for (const line of [
      'Szeged, 2 December 2026',
      'Our reference: HU-SZGYK-2026-0151',
      'Meeting: Family conference of 26 November 2026',
      'Re: Feedback on the family conference',
      'Dear Sir or Madam,',
      'Yours faithfully,',
    ]) {
      expect(lines).toContain(line);
    }
    expect(pdf.text).toContain('Page 1 of 1');
  });

  it('embeds its fonts (DejaVu Sans subsets), never a standard-14 font a reader would substitute', async () => {
    for (const sample of Object.values(letterSamples)) {
      const { fonts, pages } = await letterText(sample);
      // Every letter of the text has a glyph: none is drawn as the empty .notdef box.
      expect(pages.map((p) => p.notdefGlyphs)).toEqual(pages.map(() => 0));
      expect(fonts.length).toBeGreaterThanOrEqual(2); // regular and bold
      for (const font of fonts) {
        expect(font, font.name).toMatchObject({ embedded: true, standard14: false });
        expect(font.name).toMatch(/^DejaVuSans/);
      }
    }
  });

  it('draws the logo when one is given, and none otherwise', async () => {
    expect((await letterText(letterSamples.hu)).pages[0]!.images).toBe(1);
    expect((await letterText(letterSamples.en)).pages[0]!.images).toBe(0);
  });
});

describe('renderFeedbackLetter: salutations', () => {
  const noContact = { ...letterSamples.cs.recipient, contact: undefined };
  it.each([
    ['cs, no contact person', 'cs', { recipient: noContact }, ['Vážená paní, vážený pane,', 'S pozdravem']],
    [
      'cs, a man',
      'cs',
      { recipient: { ...noContact, contact: { name: 'Ing. Petr Novák', formOfAddress: 'male' as const } } },
      ['Ing. Petr Novák', 'Vážený pane,'],
    ],
    [
      "cs, the organiser's own salutation",
      'cs',
      { salutation: 'Vážený pane řediteli,' },
      ['Vážený pane řediteli,'],
    ],
    [
      'hu, no contact person',
      'hu',
      { recipient: { ...letterSamples.hu.recipient, contact: undefined } },
      ['Tisztelt Címzett!'],
    ],
    [
      'tr, no contact person',
      'tr',
      { recipient: { ...letterSamples.tr.recipient, contact: undefined } },
      ['Sayın Yetkili,'],
    ],
    [
      'en, a named reader',
      'en',
      {
        recipient: {
          ...letterSamples.en.recipient,
          contact: { name: 'Ms Anna Smith', role: 'Head teacher' },
        },
      },
      ['For the attention of Ms Anna Smith, Head teacher', 'Dear Ms Anna Smith,', 'Yours sincerely,'],
    ],
  ] as const)('%s', async (_label, language, change, expected) => {
    const pdf = await letterText({ ...letterSamples[language], ...change });
    const lines = pdf.text.split('\n');
    for (const line of expected) expect(lines).toContain(line);
  });

  it('names each of the five conference kinds in the reference line', async () => {
    const expected = {
      case_conference: 'Hivatkozás: Esetkonferencia, 2026. november 24.',
      case_discussion: 'Hivatkozás: Esetmegbeszélés, 2026. november 24.',
      family_conference: 'Hivatkozás: Családi döntéshozó konferencia, 2026. november 24.',
      signalling_meeting: 'Hivatkozás: Jelzőrendszeri megbeszélés, 2026. november 24.',
      care_plan_review: 'Hivatkozás: Gondozási terv felülvizsgálata, 2026. november 24.',
    };
    for (const [kind, line] of Object.entries(expected)) {
      const sample = letterSamples.hu;
      const reference = { ...sample.reference, conference: { ...sample.reference.conference, kind } };
      const pdf = await letterText({ ...sample, reference } as typeof sample);
      expect(pdf.text.split('\n')).toContain(line);
    }
  });
});

describe('renderFeedbackLetter: a long letter', () => {
  it('runs over pages, each footer saying "page x of y" and the case_ref', async () => {
    const paragraph =
      'A családsegítő és az iskola közötti kapcsolattartás rendjét az esetkonferencián rögzítettük; a gyermek érdekét szolgáló lépésekről minden résztvevő írásban tájékoztatást kap. ';
    const pdf = await letterText({
      ...letterSamples.hu,
      paragraphs: Array.from({ length: 30 }, (_, i) => `${i + 1}. ${paragraph.repeat(3)}`),
    });
    const total = pdf.pages.length;
    expect(total).toBeGreaterThanOrEqual(3);
    pdf.pages.forEach((page, i) => {
      expect(page.text).toContain(`${i + 1}. oldal, összesen ${total}`);
      expect(page.text).toContain('Ügyszám: HU-SZGYK-2026-0142');
    });
    // The letterhead is on the first page only; the closing and signature stay together at the end.
    expect(pdf.pages[0]!.text).toContain('6724 Szeged, Kossuth Lajos sugárút 58.');
    expect(pdf.pages[1]!.text).not.toContain('6724 Szeged, Kossuth Lajos sugárút 58.');
    const last = pdf.pages[total - 1]!.text;
    expect(last).toContain('Üdvözlettel:');
    expect(last).toContain('Fülöp Erzsébet');
    expect(pdf.text).toContain('30. A családsegítő');
  });
});

describe('renderFeedbackLetter: long words and URLs', () => {
  it('stay inside the margins, in the text and in the actions table', async () => {
    const word = 'Gyermekvédelmijelzőrendszertagjainakkonzultációsfórumaszervezése';
    const url = 'https://example.org/dokumentumok/esetkonferencia/2026/november/jegyzokonyv-melleklete.pdf';
    const pdf = await letterText({
      ...letterSamples.hu,
      paragraphs: [`A mellékletek: ${url}`, word],
      actions: [{ what: word, who: 'iskolapszichológus', due: '2026-12-15' }],
    });
    for (const page of pdf.pages) {
      for (const item of page.items)
        expect(item.x + item.width, item.str).toBeLessThanOrEqual(595.28 - 56 + 0.5);
      expect(page.notdefGlyphs).toBe(0);
    }
    const joined = pdf.text.replace(/[\u200b\n]/g, '');
    expect(joined).toContain(url);
    expect(joined.split(word).length - 1).toBe(2);
    expect(pdf.text).toContain('2026. dec. 15.');
  });
});

describe('renderFeedbackLetter: bad input gets a zod error naming the field', () => {
  const issuePaths = async (input: unknown) => {
    const error = await renderFeedbackLetter(input as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return (error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) =>
      i.path.join('.'),
    );
  };

  it('a recipient without a name', async () => {
    const { name: _, ...recipient } = letterSamples.hu.recipient;
    expect(await issuePaths({ ...letterSamples.hu, recipient })).toEqual(['recipient.name']);
  });
  it('an unknown language', async () => {
    expect(await issuePaths({ ...letterSamples.hu, language: 'de' })).toEqual(['language']);
  });
  it("a child's name where the case_ref goes", async () => {
    const reference = { ...letterSamples.hu.reference, caseRef: 'Kovács Petra' };
    expect(await issuePaths({ ...letterSamples.hu, reference })).toContain('reference.caseRef');
  });
  it('an unknown time zone, a non-PNG logo, an unknown conference kind, a bad due date', async () => {
    const sample = letterSamples.hu;
    expect(
      await issuePaths({
        ...sample,
        timeZone: 'Europe/Atlantis',
        letterhead: { ...sample.letterhead, logoPng: Buffer.from('GIF89a') },
        reference: { ...sample.reference, conference: { ...sample.reference.conference, kind: 'party' } },
        actions: [{ what: 'x', who: 'y', due: '2026-13-01' }],
      }),
    ).toEqual(['timeZone', 'letterhead.logoPng', 'reference.conference.kind', 'actions.0.due']);
  });
  it('says what is wrong in words', () => {
    const result = feedbackLetterInput.safeParse({ ...letterSamples.hu, timeZone: 'Mars/Olympus' });
    expect(result.error?.issues[0]?.message).toMatch(/time zone/);
  });
});
