// Privacy-preserving linkage. Identity fields are normalised and turned into keys with
// HMAC-SHA-256 under a per-deployment secret; the clear values never leave this module's callers.
// Two keys, as in the NDB practice (ID1 / ID2):
//   enrollment_key = HMAC(保険者番号 | 記号 | 番号 | 生年月日 | 性別)  — one insurance relationship
//                    (birth date and sex separate family members who share 記号・番号);
//   member_key     = HMAC(氏名カナ | 生年月日 | 性別)               — the person, across insurer switches.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class Pseudonymizer {
  private constructor(private readonly key: Buffer) {}

  /** Loads the secret, creating it (owner-only, mode 0600) on first use. */
  static fromSecretFile(path: string): Pseudonymizer {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    }
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) chmodSync(path, 0o600);
    const hex = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`秘密鍵ファイルが不正です / invalid secret file: ${path}`);
    return new Pseudonymizer(Buffer.from(hex, 'hex'));
  }

  static fromKey(key: Buffer): Pseudonymizer {
    return new Pseudonymizer(key);
  }

  private mac(domain: string, parts: string[]): string {
    return createHmac('sha256', this.key)
      .update(`${domain}\u001f${parts.join('\u001f')}`)
      .digest('hex');
  }

  memberKey(kanaName: string, birthDate: string, sex: number): string {
    return this.mac('person', [normalizeKana(kanaName), birthDate, String(sex)]);
  }

  enrollmentKey(insurerNumber: string, kigo: string, bango: string, birthDate: string, sex: number): string {
    return this.mac('insurance', [insurerNumber, normalizeId(kigo), normalizeId(bango), birthDate, String(sex)]);
  }
}

const SMALL_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

/** Kana name normalisation: NFKC (half-width → full-width kana), hiragana → katakana, small kana → large,
 * ヰヱヲ → イエオ, ヴ → ブ, long-vowel variants unified, all spaces removed. */
export function normalizeKana(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_KANA[c] ?? c)
    .replace(/ヰ/g, 'イ')
    .replace(/ヱ/g, 'エ')
    .replace(/ヲ/g, 'オ')
    .replace(/ヴ/g, 'ブ')
    .replace(/[-‐－―ｰ]/g, 'ー')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** 記号・番号 normalisation: NFKC folds full-width digits/letters (UKE) to half-width (XML), spaces dropped. */
export function normalizeId(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
