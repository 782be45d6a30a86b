/** Per-source data-quality profile. */
import { Type } from 'typebox';
import { SystemNameSchema } from './records.js';

export const ProblemCodeCountSchema = Type.Object({
  code: Type.String(),
  field: Type.String(),
  severity: Type.String(),
  records: Type.Integer({ description: 'Records with at least one problem of this code.' }),
  sampleRecordIds: Type.Array(Type.String(), { description: 'A few affected record ids, for drill-down.' }),
});

export const SourceQualitySchema = Type.Object({
  sourceSystem: Type.String(),
  records: Type.Integer({ description: 'Live (not deleted) records.' }),
  customers: Type.Integer({ description: 'Distinct customers these records belong to.' }),
  duplicateRecords: Type.Integer({
    description: 'Records beyond the first of each customer within this system (assigned records − customers).',
  }),
  duplicateRate: Type.Number({ description: 'duplicateRecords / records (0 when there are none).' }),
  recordsWithProblems: Type.Integer(),
  invalidAddresses: Type.Integer({
    description: 'Records with address.postcode_invalid or address.unparsed.',
  }),
  invalidPhones: Type.Integer({ description: 'Records with phone.invalid.' }),
  invalidEmails: Type.Integer({ description: 'Records with email.invalid.' }),
  missingRequired: Type.Integer({
    description: 'Records with record.missing_name (neither a person nor an organisation name).',
  }),
  problems: Type.Array(ProblemCodeCountSchema),
  computedAt: Type.String({ format: 'date-time', description: 'When these figures were computed.' }),
  live: Type.Boolean({
    description: 'true: computed for this request; false: the profile stored by the last nightly refresh.',
  }),
});

export const QualityReportSchema = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  sources: Type.Array(SourceQualitySchema),
});

export const QualitySourceParamsSchema = Type.Object({ system: SystemNameSchema });

export const QualityQuerySchema = Type.Object({
  live: Type.Optional(
    Type.Boolean({
      default: false,
      description:
        'Compute now (scans the system’s records: seconds per million) instead of serving the profile stored by the nightly quality job. Systems never profiled are always computed live.',
    }),
  ),
});
