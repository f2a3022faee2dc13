/**
 * The written feedback a case manager sends a partner institution after a conference. The seeds
 * require it in every case, in writing, on letterhead; each language gets its own country's letter:
 * Hungarian (Ügyszám / Hivatkozás / Tárgy, "Tisztelt …!", place and date before "Üdvözlettel:"),
 * Czech (reference line "Naše značka / Vyřizuje / Místo a datum", "Věc:", "S pozdravem"), Turkish
 * (Sayı and date on one line, Konu, İlgi, "Sayın …,", "Bilgilerinize saygılarımla sunarım.") and
 * British English. The letter carries the pseudonymous case_ref only, never a child's name.
 */
import { type FeedbackLetter, type FeedbackLetterInput, feedbackLetterInput } from '@caremap/validators';
import type { Column, Content } from 'pdfmake/interfaces';
import { renderPdf } from './engine';
import { breakable, formatCalendarDay, formatLongDate } from './format';
import { GREY, LETTER_MARGINS, letterheadBlock, pageFooter } from './letterhead';
import { documentTexts } from './texts';

const gap = (points: number): Content => ({ text: '', margin: [0, points, 0, 0] });

/** A label and its value on one line, the label bold: "Tárgy: Visszajelzés …". */
const labelled = (label: string, value: string, valueBold = false) => ({
  text: [
    { text: `${label} `, bold: true },
    { text: value, bold: valueBold },
  ],
  margin: [0, 0, 0, 2] as [number, number, number, number],
});

function recipientBlock(letter: FeedbackLetter): Content {
  const t = documentTexts[letter.language].letter;
  const { name, contact, addressLines } = letter.recipient;
  return {
    stack: [
      { text: name, bold: true },
      ...(contact ? [{ text: t.attention(contact.name, contact.role) }] : []),
      { text: addressLines.join('\n') },
    ],
    margin: [0, 0, 0, 18],
  };
}

function heading(letter: FeedbackLetter): Content[] {
  const { language, timeZone, reference } = letter;
  const texts = documentTexts[language];
  const t = texts.letter;
  const placeDate = `${letter.place}, ${formatLongDate(letter.date, language, timeZone)}`;
  const conference = t.conferenceValue(
    texts.kinds[reference.conference.kind],
    formatLongDate(reference.conference.startsAt, language, timeZone),
  );
  switch (language) {
    case 'hu':
      return [
        recipientBlock(letter),
        labelled(t.ourReference, reference.caseRef),
        labelled(t.conference, conference),
        labelled(t.subject, letter.subject, true),
      ];
    case 'cs': {
      // ČSN 01 6910: a reference line of small labels over the values, then "Věc:" in bold.
      const column = (label: string, value: string, width: number | '*'): Column => ({
        width,
        stack: [
          { text: label, fontSize: 7.5, color: GREY },
          { text: value, margin: [0, 1, 0, 0] },
        ],
      });
      return [
        recipientBlock(letter),
        {
          columns: [
            column(t.ourReference, reference.caseRef, 140),
            column(t.handledBy, letter.signOff.name, '*'),
            column(t.placeAndDate, placeDate, 160),
          ],
          columnGap: 12,
          margin: [0, 0, 0, 14],
        },
        { text: `${t.subject} ${letter.subject}`, bold: true, margin: [0, 0, 0, 2] },
        labelled(t.conference, conference),
      ];
    }
    case 'tr':
      return [
        {
          columns: [
            { width: '*', ...labelled(t.ourReference, reference.caseRef) },
            { width: 'auto', text: placeDate, alignment: 'right' },
          ],
        },
        labelled(t.subject, letter.subject, true),
        labelled(t.conference, conference),
        gap(14),
        recipientBlock(letter),
      ];
    case 'en':
      return [
        recipientBlock(letter),
        { text: placeDate, alignment: 'right', margin: [0, 0, 0, 12] },
        labelled(t.ourReference, reference.caseRef),
        labelled(t.conference, conference),
        labelled(t.subject, letter.subject, true),
      ];
  }
}

function actionsTable(letter: FeedbackLetter): Content[] {
  if (letter.actions.length === 0) return [];
  const t = documentTexts[letter.language].letter;
  const head = [t.actionWhat, t.actionWho, t.actionDue].map((text) => ({
    text,
    bold: true,
    fillColor: '#e8eef5',
  }));
  return [
    { text: t.actionsHeading, bold: true, margin: [0, 6, 0, 4] },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: ['*', 140, 'auto'],
        body: [
          head,
          ...letter.actions.map((action) => [
            breakable(action.what),
            breakable(action.who),
            { text: formatCalendarDay(action.due, letter.language), noWrap: true },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
  ];
}

function closingBlock(letter: FeedbackLetter): Content {
  const { language } = letter;
  const t = documentTexts[language].letter;
  const signature: Content = {
    stack: [
      { text: letter.signOff.name, bold: true },
      { text: letter.signOff.role },
      { text: letter.signOff.agency },
    ],
    margin: [0, 34, 0, 0],
  };
  const closing = t.closing(letter.recipient.contact !== undefined);
  // Hungarian letters put place and date after the text, before the closing formula; Hungarian and
  // Turkish signatures stand on the right, Czech and English ones on the left.
  const dateLine: Content[] =
    language === 'hu'
      ? [
          {
            text: `${letter.place}, ${formatLongDate(letter.date, language, letter.timeZone)}`,
            margin: [0, 4, 0, 12],
          },
        ]
      : [];
  const signatureRight = language === 'hu' || language === 'tr';
  return {
    unbreakable: true,
    stack: [
      ...dateLine,
      signatureRight
        ? {
            columns: [
              { width: '*', text: '' },
              { width: 220, stack: [closing, signature] },
            ],
          }
        : { stack: [closing, signature] },
    ],
    margin: [0, 8, 0, 0],
  };
}

function feedbackLetterContent(letter: FeedbackLetter): Content[] {
  const t = documentTexts[letter.language].letter;
  const salutation = letter.salutation ?? t.salutation(letter.recipient.contact);
  return [
    letterheadBlock(letter.letterhead, letter.language),
    ...heading(letter),
    { text: salutation, margin: [0, 16, 0, 10] },
    // Ragged right, not justified: a pasted URL or a long compound would open wide gaps in a line.
    ...letter.paragraphs.map((text): Content => ({ text, margin: [0, 0, 0, 8] })),
    ...actionsTable(letter),
    closingBlock(letter),
  ];
}

/**
 * Renders the feedback letter as an A4 PDF with DejaVu Sans embedded. Throws the zod error (naming
 * the field) when the input is not a letter.
 */
export async function renderFeedbackLetter(input: FeedbackLetterInput): Promise<Buffer> {
  const letter = feedbackLetterInput.parse(input);
  const t = documentTexts[letter.language].letter;
  return renderPdf({
    info: { title: letter.subject, author: letter.letterhead.agencyName, creator: 'CareMap' },
    language: letter.language,
    pageMargins: LETTER_MARGINS,
    footer: pageFooter(
      `${letter.letterhead.agencyName}  ·  ${t.ourReference.replace(/:$/, '')}: ${letter.reference.caseRef}`,
      letter.language,
    ),
    defaultStyle: { fontSize: 10, lineHeight: 1.25 },
    content: feedbackLetterContent(letter),
  });
}
