// A language filter accepts ISO 639-1 (hu) or 639-2/3 (hun, cze/ces, rom) codes, and our data may
// hold either: both sides are widened to every code of the same language (iso-639-3 data).
import { iso6393 } from 'iso-639-3';

const byCode = new Map<string, string[]>();
for (const lang of iso6393) {
  const codes = [lang.iso6393, lang.iso6392B, lang.iso6392T, lang.iso6391].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  const unique = [...new Set(codes)];
  for (const c of unique) if (!byCode.has(c)) byCode.set(c, unique);
}

/** Every code that names the same language as `code` (itself included, lower case). */
export function equivalentLanguageCodes(code: string): string[] {
  const c = code.trim().toLowerCase();
  return byCode.get(c) ?? [c];
}
