// Streams the top-level values of an HSDS JSON file: an array of objects, an HSDS page envelope
// (`{ total_items, ..., contents: [...] }`), NDJSON (one object a line), or one object. Only one
// value is held at a time, so a file of 100,000 nested services never sits in memory whole.

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json';

export interface JsonValue {
  index: number;
  value: unknown;
}

export class JsonSyntaxError extends Error {}

async function peek(open: () => Promise<Readable>, bytes = 65_536): Promise<string> {
  const stream = await open();
  let text = '';
  try {
    for await (const chunk of stream) {
      text += chunk.toString('utf8');
      if (text.length >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return text.replace(/^\uFEFF/, '');
}

function looksLikeNdjson(head: string, name: string): boolean {
  if (/\.(ndjson|jsonl)$/i.test(name)) return true;
  const trimmed = head.trimStart();
  if (!trimmed.startsWith('{')) return false;
  const newline = trimmed.indexOf('\n');
  if (newline < 0) return false;
  try {
    const first = JSON.parse(trimmed.slice(0, newline));
    return typeof first === 'object' && trimmed.slice(newline).trimStart().startsWith('{');
  } catch {
    return false;
  }
}

/** Yields each top-level record of the file with its position. */
export async function* readJsonValues(
  open: () => Promise<Readable>,
  name: string,
): AsyncGenerator<JsonValue> {
  const head = await peek(open);
  if (looksLikeNdjson(head, name)) {
    yield* readNdjson(open);
    return;
  }
  const trimmed = head.trimStart();
  const paths = trimmed.startsWith('[') ? ['$.*'] : trimmed.includes('"contents"') ? ['$.contents.*'] : ['$'];
  const parser = new JSONParser({ paths, keepStack: false });
  const queue: unknown[] = [];
  parser.onValue = ({ value }) => {
    queue.push(value);
  };
  let index = 0;
  const stream = await open();
  try {
    for await (const chunk of stream) {
      try {
        parser.write(chunk);
      } catch (error) {
        throw new JsonSyntaxError(`${name} is not valid JSON: ${(error as Error).message}`);
      }
      while (queue.length) yield { index: index++, value: queue.shift() };
    }
    if (!parser.isEnded) {
      try {
        parser.end();
      } catch (error) {
        throw new JsonSyntaxError(`${name} ends early: ${(error as Error).message}`);
      }
    }
    while (queue.length) yield { index: index++, value: queue.shift() };
  } finally {
    stream.destroy();
  }
}

async function* readNdjson(open: () => Promise<Readable>): AsyncGenerator<JsonValue> {
  const lines = createInterface({ input: await open(), crlfDelay: Number.POSITIVE_INFINITY });
  let index = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new JsonSyntaxError(`line ${lineNo} is not valid JSON: ${(error as Error).message}`);
    }
    yield { index: index++, value };
  }
}
