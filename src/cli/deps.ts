/**
 * What cli.ts (the CLI's composition root) hands every command: the parsed config, a logger on
 * stderr, and the store with its MdmContext, opened and migrated on first use only (dedupe, explain,
 * evaluate and generate never open a database). cli.ts closes what it opened when the command ends.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { MdmContext } from '../mdm/index.js';
import type { Database } from '../store/db.js';

export interface CliDeps {
  config: Config;
  logger: Logger;
  /** DATABASE_URL, else the PGlite folder DATA_DIR. Opened once, on the first call. */
  database(): Promise<Database>;
  /** The MdmContext over database() after migrating it, built once. */
  mdm(): Promise<MdmContext>;
}

export type CliCommand = (args: string[], deps: CliDeps) => Promise<number>;
