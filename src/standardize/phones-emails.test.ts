import { describe, expect, it } from 'vitest';
import { standardizeEmail } from './emails.js';
import { standardizePhone } from './phones.js';

describe('standardizePhone', () => {
  const cases: Array<[string, string, string | null, string | null, string]> = [
    // input, country, e164, type, status
    ['04 22718532', 'AU', '+61422718532', 'mobile', 'valid'],
    ['0422 718 532', 'AU', '+61422718532', 'mobile', 'valid'],
    ['(02) 9876 5432', 'AU', '+61298765432', 'fixed', 'valid'],
    ['+61 2 9876 5432', 'US', '+61298765432', 'fixed', 'valid'],
    ['310/246-1501', 'US', '+13102461501', null, 'valid'],
    ['(310) 246-1501', 'US', '+13102461501', null, 'valid'],
    ['1-310-246-1501', 'US', '+13102461501', null, 'valid'],
    ['310.246.1501 x23', 'US', '+13102461501', null, 'valid'],
    ['020 7946 0958', 'GB', '+442079460958', 'fixed', 'valid'],
    ['07911 123456', 'GB', '+447911123456', 'mobile', 'valid'],
    ['+44 7911 123456', 'AU', '+447911123456', 'mobile', 'valid'],
    ['13800138000', 'CN', '+8613800138000', 'mobile', 'valid'],
    ['010-12345678', 'CN', '+861012345678', 'fixed', 'valid'],
    ['3865286', 'US', null, null, 'incomplete'],
    ['386-5286', 'US', null, null, 'incomplete'],
    ['12', 'US', null, null, 'invalid'],
    ['abc', 'US', null, null, 'invalid'],
    ['+999 12345', 'US', null, null, 'invalid'],
    ['0000000000', 'AU', null, null, 'invalid'],
    ['04 22718532', 'ZZ', null, null, 'invalid'],
    ['', 'US', null, null, 'empty'],
  ];
  it.each(cases)('%s (%s)', (input, country, e164, type, status) => {
    const p = standardizePhone(input, country);
    expect([p.e164, p.type, p.status]).toEqual([e164, type, status]);
  });

  it('keeps the digits of an incomplete number for partial comparison', () => {
    expect(standardizePhone('386-5286', 'US').digits).toBe('3865286');
  });
  it('uses the first of several numbers', () => {
    expect(standardizePhone('310-246-1501 / 310-246-1502', 'US').e164).toBe('+13102461501');
  });
});

describe('standardizeEmail', () => {
  const cases: Array<[string, string | null, boolean, boolean]> = [
    // input, normalised, valid, role/disposable
    ['John.Smith@Example.ORG', 'john.smith@example.org', true, true],
    ['john.smith@acme.com', 'john.smith@acme.com', true, false],
    ['J.O.H.N+news@gmail.com', 'john@gmail.com', true, false],
    ['john.smith@googlemail.com', 'johnsmith@gmail.com', true, false],
    ['bob+tag@outlook.com', 'bob@outlook.com', true, false],
    ['bob+tag@icloud.com', 'bob@icloud.com', true, false],
    ['bob+tag@acme.com', 'bob+tag@acme.com', true, false],
    ['first.last@yahoo.com', 'first.last@yahoo.com', true, false],
    ['info@acme.com', 'info@acme.com', true, true],
    ['Sales@Acme.com', 'sales@acme.com', true, true],
    ['someone@mailinator.com', 'someone@mailinator.com', true, true],
    ['mailto:bob@acme.com', 'bob@acme.com', true, false],
    ['<bob@acme.com>', 'bob@acme.com', true, false],
    ['  bob@acme.com  ', 'bob@acme.com', true, false],
    ['not-an-email', null, false, false],
    ['bob@', null, false, false],
    ['@acme.com', null, false, false],
    ['bob@@acme.com', null, false, false],
    ['bob@acme', null, false, false],
    ["'; DROP TABLE users; --@x.com", null, false, false],
    ['<script>alert(1)</script>@x.com', null, false, false],
    ['', null, true, false],
  ];
  it.each(cases)('%s', (input, out, valid, role) => {
    const e = standardizeEmail(input);
    expect([e.email, e.valid, e.roleOrDisposable]).toEqual([out, valid, role]);
  });
});
