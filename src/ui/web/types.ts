/** The /v1 response shapes the page uses: the shared API contract (src/shared), never the API itself. */
export type * from '../../shared/api-types.js';
