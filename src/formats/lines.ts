// Streaming line reader for Shift_JIS (CP932) text files such as レセ電 (.UKE).
// Reads the file in chunks, decodes the complete lines of each chunk in one call (LF, 0x0A, never
// occurs inside a Shift_JIS double-byte character: trail bytes are ≥ 0x40), splits on LF (CRLF and
// bare LF both accepted) and strips the DOS EOF mark 0x1A. Memory stays flat in file size: one chunk
// and one partial line are held at a time.
import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

/**
 * The complete lines of one chunk. Line `i` of the batch is line `firstLine + i` of the file; a
 * line may still end with CR (CRLF files).
 * `undecodable` holds the batch indices of lines with bytes that are not valid CP932 (their text
 * then holds U+FFFD); `utf8` those whose bytes are valid UTF-8 multibyte text, i.e. a UTF-8 line in
 * a Shift_JIS file (mojibake if decoded).
 */
export interface LineBatch {
  firstLine: number;
  texts: string[];
  undecodable: Set<number> | null;
  utf8: Set<number> | null;
}

const LF = 0x0a;
const EOF_MARK = 0x1a;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the DOS EOF mark is a control character
const TRAILING = /[\r\x1a]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
const NON_ASCII = /[^\x00-\x7f]/;

export async function* readCp932LineBatches(path: string, chunkSize = 1 << 20): AsyncGenerator<LineBatch> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  const stream = createReadStream(path, { highWaterMark: chunkSize });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const lastLf = buf.lastIndexOf(LF);
    if (lastLf === -1) {
      carry = buf;
      continue;
    }
    carry = lastLf + 1 < buf.length ? Buffer.from(buf.subarray(lastLf + 1)) : null;
    const body = buf.subarray(0, lastLf + 1);
    yield decodeBatch(body, lineNo + 1, true);
    lineNo += countLf(body);
  }
  if (carry && carry.length > 0) {
    let end = carry.length;
    while (end > 0 && (carry[end - 1] === EOF_MARK || carry[end - 1] === 0x0d)) end--;
    if (end > 0) yield decodeBatch(carry.subarray(0, end), lineNo + 1, false);
  }
}

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(LF); i !== -1; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

function decodeBatch(body: Buffer, firstLine: number, endsWithLf: boolean): LineBatch {
  const decoded = iconv.decode(body, 'cp932');
  const texts = decoded.split('\n');
  if (endsWithLf) texts.pop();
  // A trailing CR is left on the line (callers that split fields drop it from the last field, which
  // is cheaper than copying every line); only an EOF mark before it is removed here.
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    const last = t.charCodeAt(t.length - 1);
    if (last === EOF_MARK || (last === 0x0d && t.charCodeAt(t.length - 2) === EOF_MARK))
      texts[i] = `${t.replace(TRAILING, '')}${last === 0x0d ? '\r' : ''}`;
  }
  // Chunk-level fast paths: most chunks have no undecodable byte, and a pure-ASCII chunk cannot hold
  // a UTF-8 line. Only otherwise are lines checked one by one (their byte ranges found with memchr).
  let undecodable: Set<number> | null = null;
  if (decoded.includes('\uFFFD')) {
    undecodable = new Set();
    texts.forEach((t, i) => {
      if (t.includes('\uFFFD')) undecodable?.add(i);
    });
  }
  let utf8: Set<number> | null = null;
  if (!isAscii(body)) {
    let start = 0;
    for (let i = 0; i < texts.length; i++) {
      const lf = body.indexOf(LF, start);
      const end = lf === -1 ? body.length : lf;
      // Only lines with non-ASCII text can be UTF-8; their bytes are checked natively.
      if (NON_ASCII.test(texts[i] as string) && !undecodable?.has(i) && isUtf8(body.subarray(start, end))) {
        utf8 ??= new Set();
        utf8.add(i);
      }
      start = end + 1;
    }
  }
  return { firstLine, texts, undecodable, utf8 };
}
