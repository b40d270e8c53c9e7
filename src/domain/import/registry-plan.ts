/** What an import would do to a registry (units.yaml or boards.yaml), before anything is written. */
import type { ImportProblem } from './sheet.ts';

export interface RegistryPlan<T> {
  /** The registry after the import: existing records first (in their order), then the new ones. */
  records: T[];
  /** Indexes into `records` of the new records. */
  added: number[];
  /** Indexes of existing records the sheet changed, with what changed (in Chinese). */
  changed: Map<number, string[]>;
  unchanged: number;
  /** Records of the registry the sheet does not list: kept, and named so nobody is surprised. */
  notInSheet: string[];
  problems: ImportProblem[];
  /** The sheet row each imported record came from, for problems found in the merged registry. */
  rowOf: Map<number, number>;
}
