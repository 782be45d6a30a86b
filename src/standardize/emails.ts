/**
 * Emails: syntax check (validator's isEmail), lower-case, and provider rules that make two
 * spellings of one mailbox equal: Gmail ignores dots and "+tags" and googlemail.com is gmail.com;
 * Outlook/Hotmail/Live, iCloud, Fastmail, ProtonMail and Yahoo document sub-addressing (+tag for
 * all but Yahoo, which uses "-" for disposable addresses — left alone, as "-" is common in names).
 */
import isEmailModule from 'validator/lib/isEmail.js';
import { cleanText } from './text.js';

export interface StdEmail {
  email: string | null;
  valid: boolean;
  /** Role account (info@, sales@) or disposable-mail domain. */
  roleOrDisposable: boolean;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAG_DOMAINS = new Set([
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'fastmail.com',
  'fastmail.fm',
  'protonmail.com',
  'proton.me',
  'pm.me',
]);
const ROLE_LOCAL_PARTS = new Set([
  'info',
  'sales',
  'admin',
  'administrator',
  'support',
  'contact',
  'office',
  'enquiries',
  'enquiry',
  'inquiries',
  'hello',
  'noreply',
  'no-reply',
  'donotreply',
  'webmaster',
  'postmaster',
  'hostmaster',
  'abuse',
  'billing',
  'accounts',
  'accounting',
  'marketing',
  'help',
  'helpdesk',
  'team',
  'jobs',
  'careers',
  'hr',
  'mail',
  'reception',
  'service',
  'customerservice',
  'orders',
  'bookings',
  'reservations',
  'press',
  'media',
  'news',
  'newsletter',
  'privacy',
  'legal',
  'security',
  'it',
  'finance',
  'purchasing',
  'test',
  'root',
  'all',
  'staff',
  'general',
]);
const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'sharklasers.com',
  '10minutemail.com',
  'tempmail.com',
  'temp-mail.org',
  'yopmail.com',
  'trashmail.com',
  'dispostable.com',
  'getnada.com',
  'maildrop.cc',
  'throwawaymail.com',
  'fakeinbox.com',
  'mailnesia.com',
  'mintemail.com',
  'spamgourmet.com',
  'example.com',
  'example.org',
  'example.net',
  'test.com',
]);
const MAILTO = /^mailto:/i;
// The sub-path is CommonJS: under NodeNext its default import is `module.exports`, which carries the
// function as `.default` too. Importing the sub-path avoids loading all of validator.
const isEmail = isEmailModule.default;

export function standardizeEmail(raw: string | null | undefined): StdEmail {
  const text = cleanText(raw).replace(MAILTO, '').replace(/^<|>$/g, '').trim();
  if (text === '') return { email: null, valid: true, roleOrDisposable: false };
  if (text.length > 254 || !isEmail(text, { allow_utf8_local_part: true })) {
    return { email: null, valid: false, roleOrDisposable: false };
  }
  const at = text.lastIndexOf('@');
  let local = text.slice(0, at).toLowerCase();
  let domain = text.slice(at + 1).toLowerCase();
  const roleOrDisposable = ROLE_LOCAL_PARTS.has(local) || DISPOSABLE_DOMAINS.has(domain);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    local = stripTag(local).replace(/\./g, '');
  } else if (PLUS_TAG_DOMAINS.has(domain)) {
    local = stripTag(local);
  }
  return { email: `${local}@${domain}`, valid: true, roleOrDisposable };
}

function stripTag(local: string): string {
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
}
