// Copies non-TypeScript assets (SQL migrations, SQL models, rule data) next to the compiled code.
import { cpSync, existsSync } from 'node:fs';

for (const dir of ['store/migrations', 'derive/models', 'rules', 'terminology/data']) {
  if (existsSync(`src/${dir}`)) cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true, filter: (p) => !p.endsWith('.ts') });
}
