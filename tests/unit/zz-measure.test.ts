import { it } from 'vitest';
import path from 'node:path';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { keyPragma } from '../../db/keys';
import { makeV1Vault } from '../support/legacyVault';
import { tempDir } from '../support/tmp';
import { ctxFor, reopen } from '../support/vaults';
import { evidenceByRecord } from '../../electron/services/evidence/evidence';

const META_SQL = 'SELECT id, record_id, name, media_type, size, sha256, added_by, added_at FROM evidence_files';
function median(f: () => void, n = 5) { const t: number[] = []; for (let i = 0; i < n; i++) { const s = performance.now(); f(); t.push(performance.now() - s); } t.sort((a, b) => a - b); return t[Math.floor(n / 2)].toFixed(1) + ' ms (first ' + t[0].toFixed(1) + '..' + t[n-1].toFixed(1) + ')'; }
it('measure evidence metadata', { timeout: 600_000 }, () => {
  const file = path.join(tempDir(), 'firm.cpv');
  let t = performance.now();
  const old = makeV1Vault(file, { records: 200, files: 1001, fileBytes: 200_000 });
  console.log('built v1 vault', (performance.now() - t).toFixed(0), 'ms, size', (statSync(file).size / 1e6).toFixed(1), 'MB');
  // before: the old layout, fresh connection each time (cold page cache)
  const raw = () => { const db = new Database(file); db.pragma(`cipher = 'sqlcipher'`); db.pragma('legacy = 4'); db.pragma(keyPragma(old.key)); return db; };
  console.log('BEFORE metadata of 1000 files, fresh connection:', median(() => { const db = raw(); db.prepare(META_SQL).all(); db.close(); }));
  { const db = raw(); db.prepare(META_SQL).all(); console.log('BEFORE warm connection:', median(() => db.prepare(META_SQL).all())); db.close(); }
  t = performance.now();
  const v = reopen(file);
  console.log('open with migration (copy + move + vacuum), incl. ~0.3 s scrypt:', (performance.now() - t).toFixed(0), 'ms; size after', (statSync(file).size / 1e6).toFixed(1), 'MB');
  const ctx = ctxFor(v);
  console.log('AFTER evidenceByRecord (all, warm):', median(() => evidenceByRecord(ctx)));
  v.close();
  console.log('AFTER metadata of 1000 files, fresh connection:', median(() => { const db = raw(); db.prepare(META_SQL).all(); db.close(); }));
  t = performance.now(); reopen(file).close(); console.log('plain open+close after migration (scrypt)', (performance.now() - t).toFixed(0), 'ms');
});
