// `kachi` command line. Japanese first, English alongside.

import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { kachiPaths } from '../config.js';
import { formatInspectReport, inspectFile } from '../formats/inspect.js';
import { type IngestReport, ingest } from '../ingest/ingest.js';
import { derive } from '../derive/derive.js';
import { Pseudonymizer } from '../ingest/pseudonymize.js';
import { runPipeline } from '../pipeline/run.js';
import { formatProfile, runProfile } from '../quality/profile.js';
import { buildServer } from '../server/app.js';
import { Store } from '../store/db.js';
import { storeSummary } from '../store/summary.js';
import { injectDefects } from '../synth/defects.js';
import { writeSynthPopulation } from '../synth/emit.js';
import { writeSynthParallel } from '../synth/parallel.js';
import { formatChecks, validateSynthetic } from '../synth/validate.js';
import { ensureMasters, importMasterFile } from '../terminology/import.js';
import { MASTER_LABEL_JA, type MasterKind } from '../terminology/masters.js';
import { runDemo } from './demo.js';

const unknownText = (u: Record<string, number>) => {
  const parts = Object.entries(u).map(([k, n]) => `${k}=${n}`);
  return parts.length ? ` / 未知コード ${parts.join(' ')}` : '';
};

export function formatIngestReport(r: IngestReport): string {
  const lines = [`取込実行 / ingest run ${r.runId}`];
  for (const f of r.files) {
    const loaded = Object.entries(f.loaded)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    const mark = f.status === 'loaded' ? '✔' : f.status === 'skipped' ? '↷' : '✖';
    lines.push(
      `${mark} ${f.path} [${f.format}] ${f.status}: 読込 ${f.recordsRead} / 隔離 ${f.rejected} / 置換 ${f.replaced} ${loaded}${unknownText(f.unknownCodes)} — ${f.message}`,
    );
  }
  const t = r.totals;
  lines.push(`合計: ファイル ${t.files}（取込 ${t.loaded}・スキップ ${t.skipped}・失敗 ${t.failed}）、隔離 ${t.rejected} 件`);
  return lines.join('\n');
}

function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return undefined;
  const bar = new SingleBar({ format: '取込中 [{bar}] {value}/{total} {file}', stream: process.stderr });
  let started = false;
  return (done: number, total: number, file: string) => {
    if (!started) {
      bar.start(total, 0, { file: '' });
      started = true;
    }
    bar.update(done, { file: file.split('/').pop() ?? '' });
    if (done === total) bar.stop();
  };
}

async function withStore<T>(fn: (store: Store) => Promise<T>, readOnly = false): Promise<T> {
  const store = await Store.open(kachiPaths().store, { readOnly });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function buildCli(): Command {
  const program = new Command('kachi')
    .description('Kachi（価値）— 保険者のための価値に基づく医療データ基盤 / value-based care platform for Japanese insurers')
    .version('0.1.0')
    .helpOption('-h, --help', 'ヘルプを表示 / show help')
    .addHelpText('after', '\n環境変数 / environment: KACHI_HOME (既定 ./data) — ストア・秘密鍵・レポートの置き場所');

  program
    .command('init')
    .description('ストアを作成・移行し、秘密鍵を用意する / create and migrate the store, create the secret')
    .action(async () => {
      const p = kachiPaths();
      Pseudonymizer.fromSecretFile(p.secret);
      const v = await withStore((s) => s.scalar<number>('select max(version) from schema_version'));
      console.log(`ストア / store: ${p.store} (schema v${v})\n秘密鍵 / secret: ${p.secret} (0600)`);
    });

  program
    .command('ingest')
    .description(
      'ファイルを取り込む（UKE・CYO・特定健診/保健指導ZIP・被保険者台帳CSV・保険者マスタCSV） / ingest files or folders',
    )
    .argument('<paths...>', 'ファイルまたはフォルダ / files or folders')
    .option('--json', 'JSON で出力 / machine-readable report')
    .action(async (paths: string[], o: { json?: boolean }) => {
      const p = kachiPaths();
      const pseudo = Pseudonymizer.fromSecretFile(p.secret);
      const report = await withStore(async (s) => {
        await ensureMasters(s);
        return ingest(s, pseudo, paths, progressBar(!o.json));
      });
      console.log(o.json ? JSON.stringify(report, null, 2) : formatIngestReport(report));
      if (report.totals.failed > 0) process.exitCode = 2;
    });

  program
    .command('inspect')
    .description('ファイルの中身を要約（形式・件数・合計・拒否理由）。ストアには触れません / summarise a file without loading it')
    .argument('<files...>', 'UKE・CYO・特定健診ZIP・CSV')
    .option('--json', 'JSON で出力 / machine-readable')
    .action(async (files: string[], o: { json?: boolean }) => {
      const reports = [];
      for (const f of files) reports.push(await inspectFile(f));
      if (o.json) console.log(JSON.stringify(reports, null, 2));
      else console.log(reports.map((r) => formatInspectReport(r)).join('\n\n'));
      if (reports.some((r) => r.format === 'unknown' || r.rejections.length > 0)) process.exitCode = 1;
    });

  const masters = program
    .command('masters')
    .description('コードマスター（傷病名・修飾語・診療行為・医薬品・特定器材・コメント） / code masters');
  masters
    .command('import')
    .description('支払基金の基本マスター CSV を取り込む (b_/z_/s_/y_/t_/c_…) / import full master files')
    .argument('<files...>')
    .option('--json', 'JSON で出力')
    .action(async (files: string[], o: { json?: boolean }) => {
      const reports = await withStore(async (s) => {
        const out = [];
        for (const f of files) out.push(await importMasterFile(s, f));
        return out;
      });
      if (o.json) console.log(JSON.stringify(reports, null, 2));
      else for (const r of reports) console.log(`${r.path}: ${r.kindJa} ${r.rows} 件, 拒否 ${r.rejections.length} 件`);
      if (reports.some((r) => r.rejections.length > 0)) process.exitCode = 1;
    });
  masters
    .command('status')
    .description('取り込み済みマスターの件数と未知コード / loaded masters and unknown codes')
    .action(async () => {
      await withStore(async (s) => {
        await ensureMasters(s);
        for (const r of await s.query<{ kind: string; n: number; source: string }>(
          "select kind, count(*) as n, string_agg(distinct source, ', ') as source from code_master group by kind order by kind",
        )) {
          console.log(`${r.kind} ${MASTER_LABEL_JA[r.kind as MasterKind]}: ${r.n} 件 (${r.source})`);
        }
        for (const r of await s.query<{ kind: string; codes: number; occurrences: number }>(
          'select kind, count(distinct code) as codes, sum(occurrences) as occurrences from unknown_code group by kind order by kind',
        )) {
          console.log(`未知コード / unknown ${r.kind}: ${r.codes} 種類, ${r.occurrences} 回`);
        }
      });
    });

  const synth = program
    .command('synth')
    .description(
      '合成母集団を実ファイル形式で生成（台帳・医療機関・レセプト・特定健診・保健指導・介護・正解データ）/ generate a synthetic population as real files',
    )
    .option('--members <n>', '人数 / persons', '10000')
    .option('--years <from-to>', '年度の範囲 / fiscal years', '2022-2024')
    .option('--seed <s>', '乱数の種 / seed', '1')
    .option('--out <dir>', '出力先 / output folder', 'out/synth')
    .option('--insurers <preset>', '保険者構成 / insurer preset (standard)', 'standard')
    .option('--defects <rate>', 'データ品質の欠陥を注入する率 (0–0.3) / defect rate to inject', '0')
    .option(
      '--workers <n>',
      'ワーカースレッド数（同じシード・同じ数なら同一出力） / worker threads (same seed and count → same bytes)',
      '1',
    )
    .action(
      async (o: {
        members: string;
        years: string;
        seed: string;
        out: string;
        insurers: string;
        defects: string;
        workers: string;
      }) => {
        if (o.insurers !== 'standard')
          throw new Error(`--insurers: 対応しているのは standard のみです / only "standard": ${o.insurers}`);
        const [from, to] = o.years.split('-').map(Number);
        if (!from || !to || to < from) throw new Error(`--years は 2022-2024 の形で指定してください: ${o.years}`);
        const t0 = Date.now();
        const m = await writeSynthParallel(
          {
            members: Number(o.members),
            fromFy: from,
            toFy: to,
            seed: Number(o.seed),
            out: o.out,
          },
          Math.max(1, Number(o.workers) || 1),
        );
        console.log(
          `${o.out}: ${m.persons} 人 / ${m.households} 世帯 / 資格 ${m.spans} 件 / 死亡 ${m.deaths} 件 (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
        console.log(
          `  レセプト ${m.claims.toLocaleString()} 件・保健指導報告 ${m.guidanceReports} 件・介護 ${m.careRows.toLocaleString()} 行・${m.files.length} ファイル`,
        );
        for (const [t, n] of Object.entries(m.byInsurerType)) console.log(`  ${t}: 資格 ${n} 件`);
        const rate = Number(o.defects);
        if (rate > 0) {
          const ledger = await injectDefects(o.out, { rate, seed: Number(o.seed) });
          console.log(`  欠陥を注入 / defects injected: ${ledger.entries.length} 件 (_meta/defects.csv)`);
        }
      },
    );
  synth
    .command('validate')
    .description(
      '生成ファイルから較正統計を計算し、公表値と比較（通常の読み取り・取込・指標エンジン経由） / compare a generated population with published statistics',
    )
    .argument('<dir>', '生成先フォルダ / generated folder')
    .option('--json', 'JSON で出力')
    .action(async (dir: string, o: { json?: boolean }) => {
      const checks = await validateSynthetic(dir);
      console.log(o.json ? JSON.stringify(checks, null, 2) : formatChecks(checks));
      if (checks.some((c) => !c.pass)) process.exitCode = 1;
    });

  program
    .command('run')
    .description('パイプラインを実行: 取込 → 派生 → 品質プロファイル → 指標計算 → レポート / run the pipeline')
    .argument('[paths...]', '取り込むファイル（省略可） / files to ingest (optional)')
    .option('--json', 'JSON で出力 / machine-readable result')
    .action(async (paths: string[], o: { json?: boolean }) => {
      const p = kachiPaths();
      const pseudo = Pseudonymizer.fromSecretFile(p.secret);
      const res = await withStore((s) =>
        runPipeline(s, { inputs: paths, reportsDir: p.reports, pseudo, onProgress: progressBar(!o.json) }),
      );
      if (o.json) console.log(JSON.stringify(res, null, 2));
      else {
        if (res.ingest) console.log(formatIngestReport(res.ingest));
        for (const st of res.stages) console.log(`段階 / stage ${st.stage}: ${st.status} ${JSON.stringify(st.rowCounts)}`);
        console.log(`レポート / report: ${res.reportPath}`);
      }
    });

  program
    .command('derive')
    .description(
      '派生テーブルを作り直す（加入者月・入院エピソード・疾病フラグ・多剤・健診判定・階層化） / rebuild the derived layer',
    )
    .option('--json', 'JSON で出力')
    .action(async (o: { json?: boolean }) => {
      const counts = await withStore(derive);
      if (o.json) console.log(JSON.stringify(counts, null, 2));
      else for (const [t, n] of Object.entries(counts)) console.log(`  ${t.padEnd(18)} ${n}`);
    });

  program
    .command('profile')
    .description('データ品質プロファイル: 番号付きの検査を派生後のストアに実行 / data-quality profile')
    .option('--json', 'JSON で出力')
    .action(async (o: { json?: boolean }) => {
      const rows = await withStore(async (s) => {
        await derive(s);
        return runProfile(s);
      });
      if (o.json) console.log(JSON.stringify(rows, null, 2));
      else console.log(formatProfile(rows));
      if (rows.some((r) => r.status === 'warn')) process.exitCode = 1;
    });

  program
    .command('status')
    .description('ストアの内容を表示 / show what the store holds')
    .option('--json', 'JSON で出力')
    .action(async (o: { json?: boolean }) => {
      const s = await withStore(storeSummary);
      if (o.json) console.log(JSON.stringify(s, null, 2));
      else {
        console.log(`スキーマ版 / schema v${s.schemaVersion}`);
        for (const [t, n] of Object.entries(s.counts)) console.log(`  ${t.padEnd(18)} ${n}`);
        for (const y of s.byFiscalYear)
          console.log(`  FY${y.fiscal_year}: レセプト ${y.claims} 件 (${y.points} 点), 特定健診 ${y.checkups} 件`);
      }
    });

  program
    .command('serve')
    .description('Web アプリと API を起動 / start the web app and HTTP API')
    .option('-p, --port <port>', 'ポート / port', '8080')
    .option('--host <host>', 'ホスト / host', '127.0.0.1')
    .action(async (o: { port: string; host: string }) => {
      const store = await Store.open(kachiPaths().store);
      const app = await buildServer(store, { logger: false });
      const url = await app.listen({ port: Number(o.port), host: o.host });
      console.log(`Kachi: ${url}  (API: ${url}/api/docs)`);
    });

  program
    .command('demo')
    .description('デモ: サンプルデータを取り込み、指標を計算し、サーバーを起動 / run the demo end to end')
    .argument('[paths...]', '追加で取り込むファイル（壊れたファイルの拒否を試すなど） / extra files to ingest')
    .option('-p, --port <port>', 'ポート / port', '8080')
    .option('--no-serve', 'サーバーを起動しない / do not start the server')
    .option('--members <n>', '合成母集団の人数 / synthetic members', '10000')
    .option('--years <from-to>', '年度 / fiscal years', '2022-2024')
    .option('--seed <n>', '乱数シード / seed', '20261123')
    .option('--fixture', '合成母集団の代わりにテスト用の小さなフィクスチャを使う / use the small test fixture')
    .action(
      async (
        paths: string[],
        o: { port: string; serve: boolean; members: string; years: string; seed: string; fixture?: boolean },
      ) => {
        const [fromFy, toFy] = o.years.split('-').map(Number) as [number, number];
        await runDemo({
          port: Number(o.port),
          serve: o.serve,
          extraInputs: paths,
          fixture: o.fixture,
          members: Number(o.members),
          fromFy,
          toFy: toFy ?? fromFy,
          seed: Number(o.seed),
        });
      },
    );

  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildCli().parseAsync(argv);
}
