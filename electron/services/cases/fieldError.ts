// An error about one field: the message names the field for the CLI and logs
// ("closedOn: must not be ..."), and the issue carries the bare message so the UI can show
// it beside the field's label ("Closed on must not be ...").
import type { ErrorCode } from '../../contract/errors';
import { AppError } from '../errors';

export function fieldError(field: string, message: string, code: ErrorCode = 'invalid'): AppError {
  return new AppError(code, `${field}: ${message}`, field, [{ path: field, message }]);
}
