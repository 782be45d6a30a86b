/**
 * OpenAPI 3 document built from the routes' TypeBox schemas (@fastify/swagger), served as JSON at
 * /docs/json (and YAML at /docs/yaml) with Swagger UI at /docs. Register before any route so every
 * route is collected. Routes add `tags` and `summary`; /v1 routes carry the `bearerAuth` security
 * requirement (declared here).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export const DOCS_PREFIX = '/docs';

export interface SwaggerOptions {
  version: string;
}

export const swaggerPlugin = fp<SwaggerOptions>(
  async (app, { version }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Identity Hub API',
          version,
          description:
            'Customer identity resolution and master data. Errors always use the envelope ' +
            '`{ error, message, details? }` with a stable `error` code; validation details name each field ' +
            'as `<part>/<json pointer>`, e.g. `body/records/3/email`.',
        },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key: `Authorization: Bearer <key>`' },
          },
        },
        tags: [{ name: 'health', description: 'Liveness and readiness probes' }],
      },
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  },
  { name: 'ih-swagger', fastify: '5.x' },
);
