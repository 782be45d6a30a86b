/**
 * Bearer-key authentication and role checks for /v1.
 *
 * Every route under /v1 declares who may call it in `config.allow` (roles); a route that declares
 * nothing is admin-only, so a forgotten declaration fails closed. The hook is added by `v1Routes`
 * inside its encapsulated context, so health, /docs and the UI stay public.
 *
 * - no or malformed `Authorization: Bearer <key>`, or an unknown/revoked key → 401 IH_UNAUTHORIZED
 * - a known key whose role the route does not allow → 403 IH_FORBIDDEN
 * Ownership (a source key may write only its own system's records) needs the params/body, so the
 * handlers check it with `assertOwnSystem`.
 */
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Actor, Authenticator, Principal, Role } from '../../mdm/index.js';
import { forbidden, unauthorized } from './auth-errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every /v1 request that got through it. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed to call the route; absent = admin only. Admin may always call. */
    allow?: readonly Role[];
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The onRequest hook for an encapsulated /v1 context. */
export function authHook(authenticator: Authenticator): onRequestHookHandler {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply) {
    const header = request.headers.authorization;
    if (!header) throw unauthorized('missing Authorization header: send "Authorization: Bearer <api key>"');
    const match = BEARER.exec(header);
    if (!match?.[1]) throw unauthorized('malformed Authorization header: expected "Bearer <api key>"');
    const principal = await authenticator.authenticate(match[1]);
    if (!principal) throw unauthorized('unknown or revoked API key');
    request.principal = principal;
    const allow = request.routeOptions.config.allow ?? [];
    if (principal.role !== 'admin' && !allow.includes(principal.role)) {
      throw forbidden(
        `a ${principal.role} key may not call ${request.method} ${request.routeOptions.url ?? request.url}`,
      );
    }
  };
}

/** The authenticated principal of a /v1 request (the hook guarantees one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('request was not authenticated');
  return request.principal;
}

/** A source key may only touch its own system's records; stewards and admins are not limited here. */
export function assertOwnSystem(principal: Principal, system: string): void {
  if (principal.role === 'source' && principal.sourceSystem !== system) {
    throw forbidden(`the key of source system "${principal.sourceSystem}" may not access records of "${system}"`);
  }
}

/** Who acts, for the audit trail. */
export function actorOf(principal: Principal): Actor {
  return { type: principal.role, id: principal.sourceSystem ?? principal.label };
}
