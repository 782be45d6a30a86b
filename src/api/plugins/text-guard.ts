/**
 * Rejects, before schema validation, any request whose path parameters, query string or JSON body
 * hold text the database cannot store (NUL, lone surrogates: see standardize/storable-text.ts) with
 * a 400 naming the field (`body/extra/colour`, `params/recordId`). Without it such a value reached
 * PostgreSQL and came back as a 500. Routes that check per item instead (the record batch, where one
 * bad record must not fail the others) set `config.textCheckedPerItem` and this hook leaves their
 * body alone; the item check lives in mdm (prepareUpsert), which imports go through as well.
 */
import fp from 'fastify-plugin';
import { findUnstorableText } from '../../mdm/index.js';
import { validationError } from './auth-errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body's records are checked one by one downstream (batch routes). */
    textCheckedPerItem?: boolean;
  }
}

export const textGuardPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const parts: Array<[string, unknown]> = [
        ['params', request.params],
        ['querystring', request.query],
      ];
      if (!request.routeOptions.config.textCheckedPerItem) parts.push(['body', request.body]);
      for (const [part, value] of parts) {
        const found = findUnstorableText(value);
        if (found) throw validationError(`${part}${found.pointer}`, found.reason);
      }
    });
  },
  { name: 'ih-text-guard', fastify: '5.x' },
);
