/**
 * Kept only so src/api/routes/jobs (another owner) keeps compiling: the error envelope and
 * errorResponses live in common.ts. Switch that import to './common.js' and delete this file.
 */
export { errorResponses } from './common.js';
