// Streaming line reader for Shift_JIS (CP932) text files such as レセ電 (.UKE).
// Reads the file in chunks, decodes the complete lines of each chunk in one call (LF, 0x0A, never
// occurs inside a Shift_JIS double-byte character: trail bytes are ≥ 0x40), splits on LF (CRLF and
// bare LF both accepted) and strips the DOS EOF mark 0x1A. Memory stays flat in file size: one chunk
// and one partial line are held at a time.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export interface TextLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  /** The bytes are not valid CP932 (the text then holds U+FFFD). */
  undecodable: boolean;
  /** The bytes are valid UTF-8 multibyte text: a UTF-8 line in a Shift_JIS file (mojibake if decoded). */
  looksUtf8: boolean;
}

const LF = 0x0a;
const EOF_MARK = 0x1a;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the DOS EOF mark is a control character
const TRAILING = /[\r\x1a]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII test
const NON_ASCII = /[^\x00-\x7f]/;

export async function* readCp932Lines(path: string, chunkSize = 1 << 20): AsyncGenerator<TextLine> {
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
    const texts = iconv.decode(body, 'cp932').split('\n');
    let start = 0;
    for (let i = 0; i < texts.length - 1; i++) {
      const end = body.indexOf(LF, start);
      lineNo++;
      yield makeLine(texts[i] as string, body, start, end, lineNo);
      start = end + 1;
    }
  }
  if (carry && carry.length > 0) {
    let end = carry.length;
    while (end > 0 && (carry[end - 1] === EOF_MARK || carry[end - 1] === 0x0d)) end--;
    if (end > 0) {
      lineNo++;
      yield makeLine(iconv.decode(carry.subarray(0, end), 'cp932'), carry, 0, end, lineNo);
    }
  }
}

function makeLine(raw: string, buf: Buffer, start: number, end: number, line: number): TextLine {
  const text = raw.replace(TRAILING, '');
  const undecodable = text.includes('\uFFFD');
  const looksUtf8 = !undecodable && NON_ASCII.test(text) && isUtf8(buf.subarray(start, end));
  return { line, text, undecodable, looksUtf8 };
}
