// `caseproof check-register`: records a check of a public register (HCPC, NMC, Social Work
// England) or a DBS Update Service status check for a case manager, as a receipt: who (--as),
// when (--on, default today), the register, the result, and optionally the register page saved
// as a screenshot or PDF (--file), attached to the record checked (services/staffEvidence/registerChecks.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIsoDate, ukDate } from '../../contract/dates';
import { REGISTER_CHECK_RESULTS } from '../../contract/model';
import { REGISTER_IDS, REGISTERS, type RegisterId } from '../../contract/registers';
import { RESULT_WORDS, recordRegisterCheck } from '../../services/staffEvidence/registerChecks';
import { CliFailure, UsageError } from '../io';
import { need, out, withVault, type Command } from '../shared';
import { clockFromEnv } from '../../services/clock';

const USAGE =
  'caseproof check-register --vault PATH --staff REF --register hcpc|nmc|swe|dbs-update --result RESULT [--on DATE] [--file FILE] [--note TEXT] [--as NAME] [--json]';
/** A register page's screenshot or PDF is refused above this size before it is read. */
const MAX_FILE = 20 * 1024 * 1024;

export const checkRegister: Command = async (a) => {
  if (a.positionals.length) throw new UsageError(`check-register takes no other words (got ${a.positionals.join(' ')}): ${USAGE}`);
  const staffRef = need(a.values.staff, 'staff');
  const register = need(a.values.register, 'register');
  if (!(REGISTER_IDS as readonly string[]).includes(register)) throw new UsageError(`--register must be one of ${REGISTER_IDS.join(', ')} (got ${register}).`);
  const result = need(a.values.result, 'result');
  if (!(REGISTER_CHECK_RESULTS as readonly string[]).includes(result)) {
    throw new UsageError(`--result must be one of ${REGISTER_CHECK_RESULTS.join(', ')} (got ${result}).`);
  }
  const on = a.values.on ?? clockFromEnv().today();
  if (!isIsoDate(on)) throw new UsageError(`--on must be a real date written as YYYY-MM-DD (got ${on}).`);
  let file: { name: string; bytes: Uint8Array } | undefined;
  if (a.values.file !== undefined) {
    if (!existsSync(a.values.file)) throw new CliFailure(`No file at ${a.values.file}.`);
    const size = statSync(a.values.file).size;
    if (size > MAX_FILE)
      throw new CliFailure(`${a.values.file} is ${Math.ceil(size / 1024 / 1024)} MB; a register page's screenshot or PDF may be at most 20 MB.`);
    file = { name: path.basename(a.values.file), bytes: readFileSync(a.values.file) };
  }
  await withVault(a, (ctx) => {
    const r = recordRegisterCheck(ctx, { staffRef, register, result, checkedOn: on, ...(a.values.note?.trim() ? { note: a.values.note.trim() } : {}) }, file);
    if (a.values.json) {
      return out(JSON.stringify({ recordId: r.recordId, kind: r.kind, record: r.record, ...r.check, fileSha256: r.file?.sha256 ?? null }));
    }
    out(
      `Recorded the ${REGISTERS[register as RegisterId].name} check of ${staffRef} (${r.record}) on ${ukDate(on)} by ${r.check.by}: ${RESULT_WORDS[r.check.result]}.`,
    );
    if (r.file) out(`Kept ${r.file.name} with it as evidence (SHA-256 ${r.file.sha256}).`);
    out(`The public register: ${REGISTERS[register as RegisterId].url}`);
  });
};
