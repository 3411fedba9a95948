// Imports with a preview, one code path for the app and the CLI: read the file, plan what
// importing it would do (plan.ts), and, when asked, import exactly that file, all or nothing.
// A firm file, a spreadsheet of one kind, or an evidence passport.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportPlan, ImportSource, SheetKind } from '../../contract/ops/intake';
import type { ImportSummary } from '../../contract/views';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { sha256Hex } from '../evidence/evidence';
import { openPassport, planPassport } from '../passport/passport';
import { importFirmFile } from './importFirmFile';
import { planFirmFile } from './plan';
import { applySheetPlan, refusedError } from './sheetPlan';
import { previewSpreadsheet } from './spreadsheet';

export interface ImportRequest {
  source: ImportSource;
  file: string;
  kind?: SheetKind;
  passphrase?: string;
  updateFirm?: boolean;
}
interface Planned {
  plan: ImportPlan;
  apply: () => ImportSummary;
}

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new AppError('invalid', `${name} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads the file now (so a file fixed since the last look is seen) and plans its import. */
export async function planImport(ctx: Ctx, r: ImportRequest): Promise<Planned> {
  const name = path.basename(r.file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(r.file);
  } catch (e) {
    throw new AppError('not-found', `${name} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const digest = sha256Hex(bytes);
  if (r.source === 'spreadsheet') {
    if (!r.kind) throw new AppError('invalid', 'Say what the spreadsheet holds (staff, cpd, dbs…).', 'kind');
    const planned = await previewSpreadsheet(ctx, r.kind, name, bytes);
    return { plan: planned.plan, apply: () => applySheetPlan(ctx, planned) };
  }
  if (r.source === 'passport') {
    if (!r.passphrase) throw new AppError('invalid', 'The passport’s passphrase is required.', 'passphrase');
    const planned = planPassport(ctx, openPassport(bytes, r.passphrase, name), name, digest);
    return { plan: planned.plan, apply: () => planned.apply(ctx) };
  }
  const json = parseJson(name, bytes);
  const plan = planFirmFile(ctx, json, { source: 'firm-file', file: name, digest, updateFirm: r.updateFirm });
  return {
    plan,
    // The firm's own name and address are kept unless asked (importFirmFile's updateFirm).
    apply: () => importFirmFile(ctx, json, { updateFirm: r.updateFirm, file: name }),
  };
}

/** Imports the file if it is still the one previewed (`digest`) and nothing in it is refused. */
export async function applyImport(ctx: Ctx, r: ImportRequest, digest?: string): Promise<ImportSummary> {
  const p = await planImport(ctx, r);
  if (digest !== undefined && p.plan.digest !== digest) {
    throw new AppError('conflict', `${p.plan.file} has changed since it was checked. Nothing was imported: check it again, then import.`);
  }
  if (p.plan.refused.length) throw refusedError(p.plan);
  return p.apply();
}
