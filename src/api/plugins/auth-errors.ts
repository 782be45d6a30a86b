/** The AppErrors the edge raises itself (auth and cross-field checks the schemas cannot express). */
import { AppError } from '../../errors.js';

export function unauthorized(reason: string): AppError {
  return new AppError('IH_UNAUTHORIZED', reason);
}

export function forbidden(reason: string): AppError {
  return new AppError('IH_FORBIDDEN', reason);
}

/** A 400 on one field; `path` follows ErrorDetail (`body/source_system`). */
export function validationError(path: string, reason: string): AppError {
  return new AppError('IH_VALIDATION', `${path} ${reason}`, { details: [{ path, reason }] });
}
