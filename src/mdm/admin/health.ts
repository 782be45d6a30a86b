/** Readiness of the store behind the use cases (GET /health/ready), so the API never reaches store/. */
import { pingDatabase } from '../../store/db.js';
import type { MdmContext } from '../context.js';

/** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
export async function checkDatabase(ctx: Pick<MdmContext, 'database'>): Promise<void> {
  await pingDatabase(ctx.database);
}
