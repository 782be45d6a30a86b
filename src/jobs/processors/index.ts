/** Job name → processor. Runners look processors up here; tests may pass their own table. */
import type { ProcessorTable } from '../types.js';
import { processDedupe } from './dedupe.js';
import { processImport } from './import.js';
import { processQuality } from './quality.js';
import { processRetrain } from './retrain.js';

export const PROCESSORS: ProcessorTable = {
  import: processImport,
  dedupe: processDedupe,
  retrain: processRetrain,
  quality: processQuality,
};
