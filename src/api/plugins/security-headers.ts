/**
 * Security headers on every response: the API, /docs (Swagger UI) and /ui (@fastify/helmet).
 * The Content-Security-Policy allows what the two pages need and nothing else: scripts only from
 * this origin (both load bundles, neither has inline script), styles from this origin plus inline
 * style attributes (Swagger UI and Preact set them), images from this origin and data: URLs, fetches
 * to this origin only. `upgrade-insecure-requests` is left out: a service reached over plain HTTP
 * on a private address would otherwise have every asset request rewritten to HTTPS and fail.
 */
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
        },
      },
    });
  },
  { name: 'ih-security-headers', fastify: '5.x' },
);
