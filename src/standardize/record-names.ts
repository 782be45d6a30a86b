/**
 * The name part of a record: decides person or organisation (entityType), splits `full_name` when
 * the parts are missing, and fills the name fields of StdRecord.
 */
import { problem, type ProblemSink } from './codes.js';
import {
  canonicalGiven,
  foldFamilyName,
  foldGivenName,
  genderFromHonorific,
  nativeName,
  phoneticKey,
  splitFullName,
  type NameParts,
} from './names.js';
import { looksLikeOrganization, standardizeOrganizationName } from './organizations.js';
import { cleanText, displayCase, hasHan } from './text.js';
import type { EntityType, RawRecord, StdRecord } from './types.js';

export type NameFields = Pick<
  StdRecord,
  | 'entityType'
  | 'givenName'
  | 'givenNameCanonical'
  | 'middleName'
  | 'familyName'
  | 'givenNamePhonetic'
  | 'familyNamePhonetic'
  | 'displayName'
  | 'nativeName'
  | 'organizationName'
  | 'organizationKey'
  | 'organizationLegalForm'
> & { honorificGender: 'm' | 'f' | null };

const LETTER = /\p{L}/u;
const SUSPICIOUS = /[\d@#$%^*_=<>{}[\]|\\~]/;

/** Person unless the record names only an organisation (field or an org-looking full name). */
function entityTypeOf(raw: RawRecord, given: string, family: string, full: string, org: string): EntityType {
  if (given !== '' || family !== '') return 'person';
  if (org !== '') return full === '' || looksLikeOrganization(full) ? 'organization' : 'person';
  return full !== '' && looksLikeOrganization(full) ? 'organization' : 'person';
}

export function standardizeNames(raw: RawRecord, problems: ProblemSink): NameFields {
  const given = cleanText(raw.given_name);
  const middle = cleanText(raw.middle_name);
  const family = cleanText(raw.family_name);
  const full = cleanText(raw.full_name);
  const org = cleanText(raw.organization_name);
  const entityType = entityTypeOf(raw, given, family, full, org);

  const orgStd = standardizeOrganizationName(entityType === 'organization' && org === '' ? full : org);
  if (orgStd.display !== '' && orgStd.key === null) {
    problems.push(problem('organization.suspicious', 'organization_name', raw.organization_name ?? raw.full_name));
  }

  let parts: NameParts;
  if (entityType === 'organization') {
    parts = splitFullName(null);
  } else if (given !== '' || family !== '') {
    parts = {
      given: given || null,
      middle: middle || null,
      family: family || null,
      honorific: null,
      suffix: null,
      unparsed: false,
    };
    if (given !== '' && family === '' && given.includes(' ')) parts = splitFullName(given); // whole name in given
  } else {
    parts = splitFullName(full);
    if (parts.unparsed) problems.push(problem('name.unparsed', 'full_name', raw.full_name));
    if (full !== '' && looksLikeOrganization(full) && org !== '') {
      problems.push(problem('name.organization_in_person_field', 'full_name', raw.full_name));
    }
    if (middle !== '' && parts.middle === null) parts.middle = middle;
  }
  checkPersonName(raw, parts, problems);

  const givenFolded = foldGivenName(parts.given);
  const familyFolded = foldFamilyName(parts.family);
  const han = hasHan(parts.family ?? '') || hasHan(parts.given ?? '');
  // Han names are written family-first without spaces; others given-first.
  const personDisplay = han
    ? `${parts.family ?? ''}${parts.given ?? ''}`
    : [parts.given, parts.middle, parts.family].filter(Boolean).join(' ');
  return {
    entityType,
    givenName: givenFolded,
    givenNameCanonical: han ? givenFolded : canonicalGiven(givenFolded), // the nickname table is English
    middleName: foldGivenName(parts.middle),
    familyName: familyFolded,
    givenNamePhonetic: phoneticKey(givenFolded),
    familyNamePhonetic: phoneticKey(familyFolded),
    displayName: entityType === 'organization' ? orgStd.display || null : displayCase(personDisplay || full) || null,
    nativeName: entityType === 'organization' ? orgStd.native : nativeName(personDisplay || full),
    organizationName: orgStd.name,
    organizationKey: orgStd.key,
    organizationLegalForm: orgStd.legalForm,
    honorificGender: genderFromHonorific(parts.honorific),
  };
}

function checkPersonName(raw: RawRecord, parts: NameParts, problems: ProblemSink): void {
  for (const [field, value] of [
    ['given_name', parts.given],
    ['family_name', parts.family],
  ] as const) {
    if (value && (SUSPICIOUS.test(value) || !LETTER.test(value))) {
      problems.push(problem('name.suspicious', raw[field] ? field : 'full_name', raw[field] ?? raw.full_name));
    }
  }
}
