// What every pack does first: check the inputs agree, settle the options and the firm's look.
import { isIsoDate, ukDateLong } from '../../contract/dates';
import { AppError } from '../errors';
import { PackContext } from './parts';
import { resolveTheme } from './styles';
import { type PackInput, type ResolvedPackOptions, resolveOptions } from './types';

export interface PackSetup {
  ctx: PackContext;
  options: ResolvedPackOptions;
}

export function setupPack(input: PackInput): PackSetup {
  if (!isIsoDate(input.asOf)) throw new AppError('invalid', `The as-of date "${input.asOf}" must be a real date written as YYYY-MM-DD.`, 'asOf');
  if (input.report.asOf !== input.asOf) {
    throw new AppError(
      'invalid',
      `The compliance report is for ${ukDateLong(input.report.asOf)} but the pack is for ${ukDateLong(input.asOf)}; check the firm again for the pack's date.`,
      'asOf',
    );
  }
  if (input.recipient && !input.recipient.name.trim()) throw new AppError('invalid', 'The recipient needs a name.', 'recipient.name');
  const theme = resolveTheme(input.template, input.snapshot.firm);
  if (input.register) theme.register = { id: input.register.id, generatedAt: input.register.generatedAt };
  return { ctx: new PackContext(theme), options: resolveOptions(input.options) };
}

/** The confidentiality notice on every cover, in Caseproof's words. */
export function confidentialityNotice(about: string, input: PackInput): string {
  const to = input.recipient ? input.recipient.name : 'the instructing party it was prepared for';
  return (
    `This pack holds personal and commercially sensitive information about ${about}. ` +
    `It is shared with ${to} only so that they can check the firm's standards before and during an instruction. ` +
    "Please keep it secure, do not copy it or pass it on without the firm's agreement, and delete or destroy it when it is no longer needed. " +
    `It shows the firm's records as they stood on ${ukDateLong(input.asOf)}.`
  );
}
