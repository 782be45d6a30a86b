/** Source systems (admin) and the API key each one gets. */
import { Type } from 'typebox';

export const SourceSystemSchema = Type.Object({
  name: Type.String({ description: 'Stable slug: URLs (/v1/records/{name}/{recordId}) and keys.' }),
  displayName: Type.String({ description: 'The name people and source files use; unique like the slug.' }),
  trustRank: Type.Integer({ description: 'Survivorship priority for golden values: lower = more trusted.' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateSourceSystemBodySchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[a-z0-9][a-z0-9_-]*$',
        description:
          'Slug used in URLs: /v1/records/{name}/{recordId}. Derived from displayName when absent ("CRM – Sydney" → crm-sydney).',
      }),
    ),
    displayName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'As people and source files write it ("ECE Chicago Find a School scrape", "营业厅"). Defaults to name.',
      }),
    ),
    trustRank: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1000, default: 100, description: 'Lower = more trusted.' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateSourceSystemResultSchema = Type.Object({
  sourceSystem: SourceSystemSchema,
  apiKey: Type.String({ description: 'Bearer key for this system. Shown once: only its SHA-256 hash is stored.' }),
});

export const SourceSystemListSchema = Type.Object({ items: Type.Array(SourceSystemSchema) });
