/**
 * Inputs of the documents module (packages/api/src/documents): plain data in, PDF bytes out.
 * The feedback letter is the written feedback a case manager owes every partner institution after a
 * case conference (in writing, on letterhead, every time); the report is a generic titled document
 * of sections, paragraphs and tables, filled by the network issue's territory report.
 */
import { z } from 'zod';
import { caseRefSchema, conferenceKindSchema, localeSchema, timeZoneSchema } from './common';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG bytes (a Buffer is fine), checked by signature so a JPEG or a truncated upload fails here. */
export const pngBytesSchema = (maxBytes: number) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected PNG bytes' })
    .refine((bytes) => PNG_SIGNATURE.every((b, i) => bytes[i] === b), { message: 'not a PNG image' })
    .refine((bytes) => bytes.length <= maxBytes, { message: `PNG larger than ${maxBytes} bytes` });

const line = (max = 200) => z.string().trim().min(1).max(max);
const lines = (maxLines: number) => z.array(line()).min(1).max(maxLines);

export const letterheadSchema = z.object({
  agencyName: line(),
  addressLines: lines(5),
  phone: line(50).optional(),
  email: z.email().optional(),
  logoPng: pngBytesSchema(1_000_000).optional(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

export const feedbackLetterRecipientSchema = z.object({
  /** The partner institution, e.g. "Kossuth Lajos Általános Iskola". */
  name: line(),
  contact: z
    .object({
      name: line(),
      /** "igazgató", "ředitelka", "okul müdürü": printed after the name. */
      role: line(100).optional(),
      /** Chooses the Czech "Vážená paní," / "Vážený pane,"; without it both are written. */
      formOfAddress: z.enum(['female', 'male']).optional(),
    })
    .optional(),
  addressLines: lines(6),
});

export const agreedActionSchema = z.object({
  what: line(500),
  /** A person or an agency, e.g. "school (class teacher)". */
  who: line(200),
  /** A calendar day, YYYY-MM-DD. */
  due: z.iso.date(),
});

export const feedbackLetterInput = z.object({
  language: localeSchema,
  /** The agency's zone: the letter's date and the conference date are its calendar days. */
  timeZone: timeZoneSchema,
  letterhead: letterheadSchema,
  recipient: feedbackLetterRecipientSchema,
  /** Where the letter is written, e.g. "Budapest". */
  place: line(100),
  date: z.date(),
  reference: z.object({
    caseRef: caseRefSchema,
    conference: z.object({ kind: conferenceKindSchema, startsAt: z.date() }),
  }),
  subject: line(300),
  /** Overrides the language's standard salutation, e.g. Czech "Vážený pane řediteli,". */
  salutation: line(200).optional(),
  /** The organiser's text, plain; a blank line inside a paragraph is kept as a line break. */
  paragraphs: z.array(z.string().trim().min(1).max(20_000)).min(1).max(200),
  /** Only the actions agreed that concern this recipient. */
  actions: z.array(agreedActionSchema).max(200).default([]),
  signOff: z.object({ name: line(), role: line(), agency: line() }),
});
export type FeedbackLetterInput = z.input<typeof feedbackLetterInput>;
export type FeedbackLetter = z.output<typeof feedbackLetterInput>;

const cell = z.union([z.string().max(2_000), z.number().finite(), z.null()]);

export const reportTableSchema = z
  .object({
    caption: line(300).optional(),
    columns: z
      .array(
        z.object({
          header: line(100),
          /** number: Intl-formatted, right-aligned; percent: a share 0..1 shown as "42 %". */
          kind: z.enum(['text', 'number', 'percent']).default('text'),
          /** Digits after the decimal point for number and percent columns. */
          fractionDigits: z.number().int().min(0).max(6).default(0),
        }),
      )
      .min(1)
      .max(12),
    rows: z.array(z.array(cell)).max(20_000),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, i) => {
      if (row.length !== table.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `row has ${row.length} cells, the table has ${table.columns.length} columns`,
        });
      }
      row.forEach((value, j) => {
        const kind = table.columns[j]?.kind;
        if (kind && kind !== 'text' && typeof value === 'string') {
          ctx.addIssue({ code: 'custom', path: ['rows', i, j], message: `a ${kind} column needs a number` });
        }
      });
    });
  });

export const reportBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string().trim().min(1).max(20_000) }),
  z.object({ type: z.literal('table'), table: reportTableSchema }),
]);

export const reportInput = z.object({
  language: localeSchema,
  /** The generated-at line is written on this zone's clock. */
  timeZone: timeZoneSchema,
  title: line(),
  subtitle: line(300).optional(),
  generatedAt: z.date(),
  map: z.object({ png: pngBytesSchema(5_000_000), caption: line(300).optional() }).optional(),
  sections: z
    .array(z.object({ heading: line(), blocks: z.array(reportBlockSchema).max(200) }))
    .min(1)
    .max(100),
});
export type ReportInput = z.input<typeof reportInput>;
export type Report = z.output<typeof reportInput>;
export type ReportTable = z.output<typeof reportTableSchema>;
