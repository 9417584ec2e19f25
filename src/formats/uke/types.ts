// Typed records produced by the レセ電 (UKE) reader. Identity fields (name, 記号・番号) are clear
// text here: the reader serves the ingest, which pseudonymises them before anything is stored.
import type { ClaimKind } from '../../model/canonical.js';
import type { UkeRecord } from './codec.js';

export interface Rejection {
  file: string;
  line: number | null;
  recordType: string | null;
  field: string | null;
  code: string;
  reason: string;
}

export interface UkeFacility {
  line: number;
  record: UkeRecord;
  payerCode: string; // 1 支払基金, 2 国保連
  prefectureCode: string;
  scoreTable: string; // 点数表: 1 医科, 3 歯科, 4 調剤
  facilityCode: string; // 10 digits: 都道府県 + 点数表 + 7
  name: string;
  billingMonth: string; // ISO first day
  volume: string;
}

export interface UkeDiagnosis {
  line: number;
  code: string;
  onsetDate: string | null;
  outcome: string;
  modifiers: string;
  name: string;
  isMain: boolean;
  isSuspected: boolean;
  /** ICD-10 when the record carries it (DPC SB). */
  icd10: string | null;
  /** DPC 傷病名区分 (SB), null for SY. */
  dpcRole: string | null;
  /** 歯科 歯式コード (HS): 6-character codes, concatenated. */
  toothCodes?: string;
}

export interface UkeDetailLine {
  line: number;
  record: 'SI' | 'IY' | 'TO' | 'SS';
  category: string | null; // 診療識別 after carry-forward
  burden: string;
  code: string;
  quantity: number | null;
  points: number | null; // only on the last line of a billing unit
  times: number | null;
  /** Counts on days 1–31 of the month (31 entries). */
  readonly dayCounts: number[];
  unitSeq: number;
  /** 調剤 only: 剤形 (SH), 処方月日 and 調剤月日 (CZ), days supplied for 内服. */
  dosageForm?: string | null;
  prescribedDate?: string | null;
  dispensedDate?: string | null;
  daysSupplied?: number | null;
}

export interface UkeComment {
  line: number;
  category: string | null;
  burden: string;
  code: string;
  text: string;
}

export interface UkeInsurance {
  line: number;
  insurerNumber: string; // bare 6 or 8 digits
  kigo: string;
  bango: string;
  days: number | null;
  points: number | null;
  mealTimes: number | null;
  mealYen: number | null;
  patientShareYen: number | null;
}

export interface UkePublicPayer {
  line: number;
  payerNumber: string;
  recipientNumber: string;
  days: number | null;
  points: number | null;
}

export interface UkeClaim {
  file: string;
  line: number; // line of the RE record
  facility: UkeFacility;
  /** Every record of the claim, RE first, verbatim and in file order. */
  records: UkeRecord[];
  receiptNo: number;
  typeCode: string;
  kind: ClaimKind;
  serviceMonth: string;
  patient: { name: string; kanaName: string; sex: 1 | 2; birthDate: string };
  admissionDate: string | null;
  insurance: UkeInsurance | null;
  edaban: string | null; // 枝番 from SN
  publicPayers: UkePublicPayer[];
  diagnoses: UkeDiagnosis[];
  details: UkeDetailLine[];
  comments: UkeComment[];
  /** DPC: 診断群分類 (BU) and 包括 totals (GT). */
  dpc: {
    code: string;
    admissionDate: string | null;
    dischargeDate: string | null;
    outcome: string;
    bundledPoints: number;
  } | null;
  /** Points outside SI/IY/TO units: DPC 包括 (GT) and 調剤 CZ/KI fees, with their 負担区分. */
  bundles: { burden: string; points: number }[];
  /** 調剤: the prescribing 医療機関 (RE). */
  prescriber: { facilityCode: string; name: string } | null;
  /** Points recomputed from the detail lines: Σ unit points × 回数, per payer. */
  computed: { insurance: number; publicPayers: number[] };
  /** Non-fatal findings, e.g. declared totals that differ from the recomputed ones (審査 adjustments). */
  warnings: Rejection[];
  /** Records the reader keeps verbatim (DPC, 歯科, 調剤 and management records not yet typed). */
  otherRecords: { line: number; type: string; fields: string[] }[];
}

export interface UkeTrailer {
  line: number;
  record: UkeRecord;
  totalCount: number | null;
  totalPoints: number | null;
  volume: string;
}

export type UkeEvent =
  | { type: 'facility'; facility: UkeFacility }
  | { type: 'claim'; claim: UkeClaim }
  | { type: 'trailer'; trailer: UkeTrailer; computedCount: number; computedPoints: number }
  | { type: 'rejection'; rejection: Rejection };
