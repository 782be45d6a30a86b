import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isAppError, statusOf } from './errors.js';

describe('AppError', () => {
  it('takes status and message template from the registry', () => {
    const err = new AppError('IH_NOT_FOUND', 'customer c_42');
    expect(err.code).toBe('IH_NOT_FOUND');
    expect(err.statusCode).toBe(404);
    expect(err.message).toBe('Not found: customer c_42');
    expect(isAppError(err)).toBe(true);
    expect(err).toBeInstanceOf(Error);
  });

  it('drops the placeholder tail when no args are given', () => {
    expect(new AppError('IH_PAYLOAD_TOO_LARGE').message).toBe('Request body is too large');
    expect(new AppError('IH_PAYLOAD_TOO_LARGE', 1024).message).toBe(
      'Request body is too large: the limit is 1024 bytes',
    );
    expect(new AppError('IH_UNAUTHORIZED').message).toBe('Missing or invalid API key');
  });

  it('carries details and cause', () => {
    const cause = new Error('low level');
    const err = new AppError('IH_VALIDATION', 'bad thresholds', {
      details: [{ path: 'body/lower', reason: 'must be below upper' }],
      cause,
    });
    expect(err.details).toEqual([{ path: 'body/lower', reason: 'must be below upper' }]);
    expect(err.cause).toBe(cause);
  });

  it('registry codes are prefixed and statuses are HTTP error statuses', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^IH_[A-Z_]+$/);
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.status).toBeLessThan(600);
    }
    expect(statusOf('IH_CONFLICT')).toBe(409);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
