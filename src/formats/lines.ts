// Streaming line reader for Shift_JIS (CP932) text files such as レセ電 (.UKE).
// Reads the file in chunks, splits on LF (CRLF and bare LF both accepted), strips a trailing
// EOF byte 0x1A, and decodes each line with CP932 so that vendor characters (①, Ⅰ, 髙) survive.
// Memory stays flat in file size: only one chunk and one partial line are held.
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export interface TextLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  /** True when the bytes could not be decoded as CP932 (the text then holds U+FFFD). */
  undecodable: boolean;
  byteLength: number;
}

const LF = 0x0a;
const CR = 0x0d;
const EOF_MARK = 0x1a;

export async function* readCp932Lines(path: string, chunkSize = 1 << 20): AsyncGenerator<TextLine> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  const stream = createReadStream(path, { highWaterMark: chunkSize });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    for (let i = buf.indexOf(LF, start); i !== -1; i = buf.indexOf(LF, start)) {
      const end = i > start && buf[i - 1] === CR ? i - 1 : i;
      lineNo++;
      yield decodeLine(buf.subarray(start, end), lineNo);
      start = i + 1;
    }
    if (start < buf.length) carry = Buffer.from(buf.subarray(start));
    buf = Buffer.alloc(0);
  }
  if (carry && carry.length > 0) {
    let end = carry.length;
    while (end > 0 && (carry[end - 1] === EOF_MARK || carry[end - 1] === CR)) end--;
    if (end > 0) {
      lineNo++;
      yield decodeLine(carry.subarray(0, end), lineNo);
    }
  }
}

function decodeLine(bytes: Buffer, line: number): TextLine {
  let b = bytes;
  // A 0x1A directly before the final CRLF, or as a line of its own, is the DOS EOF mark.
  if (b.length > 0 && b[b.length - 1] === EOF_MARK) b = b.subarray(0, b.length - 1);
  const text = iconv.decode(b, 'cp932');
  return { line, text, undecodable: text.includes('\uFFFD'), byteLength: bytes.length };
}

/** Byte length of a string once encoded as CP932 (field lengths in the specs are byte lengths). */
export function cp932ByteLength(s: string): number {
  return iconv.encode(s, 'cp932').length;
}
