// HTTP API (Fastify) with an OpenAPI document at /api/openapi.json (UI at /api/docs),
// serving the Japanese web app from dist/web.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { INDICATORS } from '../measures/library/index.js';
import type { Store } from '../store/db.js';
import { storeSummary } from '../store/summary.js';
import { calibrationChecks } from '../synth/validate.js';
import { MASTER_LABEL_JA, type MasterKind } from '../terminology/masters.js';

// dist/web, whether this module runs from src/server (tests) or dist/server (built).
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

export async function buildServer(store: Store, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Kachi API', description: 'Kachi（価値）価値に基づく医療のためのデータ基盤 API', version: '0.1.0' },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    {
      schema: {
        summary: 'ヘルスチェック / health',
        response: { 200: { type: 'object', properties: { status: { type: 'string' }, schemaVersion: { type: 'integer' } } } },
      },
    },
    async () => ({
      status: 'ok',
      schemaVersion: await store.scalar<number>('select max(version) from schema_version'),
    }),
  );

  app.get('/api/summary', { schema: { summary: '格納データの概要 / store summary' } }, async () => storeSummary(store));

  app.get('/api/indicators', { schema: { summary: '指標定義の一覧 / indicator definitions' } }, async () =>
    INDICATORS.map(({ id, version, nameJa, nameEn, domain, unit, direction, definitionJa, source }) => ({
      id,
      version,
      nameJa,
      nameEn,
      domain,
      unit,
      direction,
      definitionJa,
      source,
    })),
  );

  app.get<{ Params: { id: string }; Querystring: { entity_type?: string; stratum?: string } }>(
    '/api/indicators/:id/results',
    {
      schema: {
        summary: '指標結果 / indicator results',
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        querystring: { type: 'object', properties: { entity_type: { type: 'string' }, stratum: { type: 'string' } } },
      },
    },
    async (req) =>
      store.query(
        `select indicator_id, entity_type, entity_id, period, stratum, numerator, denominator, value, ci_low, ci_high, suppressed, rule_version
         from indicator_result where indicator_id = $1 and entity_type = $2 and stratum = $3 order by entity_id, period`,
        [req.params.id, req.query.entity_type ?? 'all', req.query.stratum ?? 'all'],
      ),
  );

  app.get('/api/ingest/runs', { schema: { summary: '取込実行の履歴 / ingest runs' } }, async () =>
    store.query('select * from ingest_run order by started_at desc limit 50'),
  );

  app.get('/api/quarantine', { schema: { summary: '隔離レコード / quarantined records' } }, async () =>
    store.query(
      'select run_id, file_path, line, record_type, field, reason_code, reason from quarantine order by file_path, line limit 1000',
    ),
  );

  app.get('/api/ingest/files', { schema: { summary: '取込ファイル / loaded files' } }, async () =>
    store.query(
      'select path, format, records_read, records_loaded, records_rejected, loaded_at from ingest_file order by loaded_at, path',
    ),
  );

  app.get('/api/masters', { schema: { summary: 'コードマスターと未知コード / code masters and unknown codes' } }, async () => ({
    masters: (
      await store.query<{ kind: string; rows: number; sources: string }>(
        "select kind, count(*) as rows, string_agg(distinct source, ', ') as sources from code_master group by kind order by kind",
      )
    ).map((m) => ({ ...m, kindJa: MASTER_LABEL_JA[m.kind as MasterKind] ?? m.kind })),
    unknown: await store.query(
      'select kind, code, sum(occurrences) as occurrences from unknown_code group by kind, code order by occurrences desc, kind, code limit 500',
    ),
  }));

  app.get(
    '/api/quality',
    { schema: { summary: 'データ品質プロファイル（最新の実行結果） / data-quality profile' } },
    async () => {
      const exists = await store.scalar<number>("select count(*) from information_schema.tables where table_name = 'dq_result'");
      return exists ? store.query('select * from dq_result order by check_id, stratum') : [];
    },
  );

  app.get(
    '/api/ingest/replacements',
    { schema: { summary: '再請求による置き換えの記録 / claims replaced by a re-submission' } },
    async () =>
      store.query(
        `select r.claim_id, p.path as previous_file, r.previous_source_line, r.previous_points,
                n.path as new_file, r.new_source_line, r.new_points
         from claim_replacement r left join ingest_file p on p.ingest_file_id = r.previous_file_id
         left join ingest_file n on n.ingest_file_id = r.new_file_id order by n.path, r.new_source_line limit 1000`,
      ),
  );

  // Calibration of a synthetic population against published statistics (computed once per server).
  let calibration: Promise<unknown> | null = null;
  app.get(
    '/api/synth/calibration',
    { schema: { summary: '合成母集団の検証（公表統計との比較） / synthetic population calibration' } },
    async () => {
      calibration ??= calibrationChecks(store);
      return calibration;
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/' });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
