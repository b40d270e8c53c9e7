/** One error class per kind of failure the CLI reports, each mapped to an exit code. */

/** Wrong flags or arguments: exit 2, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Content did not pass validation: exit 1 (the diagnostics were already printed). */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** A stage failed for a reason outside the content (disk, a crashed tool): exit 2. */
export class StageError extends Error {
  override name = 'StageError';
  readonly stage: string;
  constructor(stage: string, message: string) {
    super(message);
    this.stage = stage;
  }
}

/** `gongkai merge` was given folders that are not the parts of one sharded build: exit 2. */
export class MergeError extends Error {
  override name = 'MergeError';
}
