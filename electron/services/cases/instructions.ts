// Instructing a supplier on a case (MTSP Governance A: no provider is instructed until the
// case manager has assessed them as safe and effective). The supplier must be vetted on the
// instruction date (vettedOn, the test CASE-SUPPLIERS-VETTED applies: approved, and its
// indemnity, fitness to practise and DBS not failing that day); otherwise the instruction is
// refused unless the case manager gives a reason to override, which is recorded on the
// instruction and shown on the case (the rule stays not met).
import { caseInstructions } from '../../../db/schema';
import { ukDate } from '../../contract/dates';
import { instructInput, type InstructResult } from '../../contract/ops/cases';
import { engineContext, notVettedWords, vettedOn } from '../compliance/engine';
import { getFirm } from '../firm/firm';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { fieldError } from './fieldError';
import { parseOr } from '../parse';
import { caseView } from './cases';
import { caseRowByRef, suppliersForVetting } from './load';

export function instructSupplier(ctx: Ctx, input: unknown): InstructResult {
  const i = parseOr(instructInput, input, 'The instruction');
  let overridden = false;
  ctx.vault.tx(() => {
    const c = caseRowByRef(ctx, i.ref);
    if (c.status === 'closed' && c.closedOn && i.on > c.closedOn) {
      throw fieldError('on', `must not be after the case was closed (${ukDate(c.closedOn)})`, 'conflict');
    }
    if (i.on > ctx.clock.today()) throw fieldError('on', `must not be in the future (today is ${ukDate(ctx.clock.today())})`);
    const [supplier] = suppliersForVetting(ctx, { refs: [i.supplier] });
    if (!supplier) throw fieldError('supplier', `does not match any supplier (${i.supplier})`, 'not-found');
    const f = getFirm(ctx);
    const firm = { name: f.name, codeOfConductSignatory: f.codeOfConductSignatory, settings: f.settings, policies: [] };
    const v = vettedOn(supplier, engineContext({ firm, staff: [], suppliers: [supplier], cases: [] }, i.on), i.on);
    if (!v.vetted) {
      if (!i.overrideReason) {
        throw new AppError(
          'conflict',
          `${notVettedWords(supplier.name, supplier.ref, i.on, v)}. To instruct them anyway, give the reason for the override; it will be recorded on the case.`,
          'overrideReason',
        );
      }
      overridden = true;
    }
    ctx.vault.orm
      .insert(caseInstructions)
      .values({
        caseId: c.id,
        supplierId: supplier.id,
        on: i.on,
        service: i.service ?? null,
        // An override reason means something only when the supplier was not approved.
        overrideReason: overridden ? i.overrideReason! : null,
      })
      .run();
  });
  return { view: caseView(ctx, i.ref), overridden };
}
