/** What the panel says of a job on the worker that gave no result. */
export interface NoResult {
  /** The user cancelled it (from its progress notification). */
  cancelled: string;
  /** It failed: the worker crashed, or could not start. */
  failed: (reason: string) => string;
}

/**
 * A worker job's result, or the sentence that says why there is none: a cancel or a failure is a message for the
 * panel to show, never a throw, so the view shown stays as it is.
 */
export async function resultOrSentence<T extends object>(
  job: Promise<T | 'cancelled'>,
  say: NoResult,
): Promise<T | string> {
  let result: T | 'cancelled';
  try {
    result = await job;
  } catch (error) {
    return say.failed(error instanceof Error ? error.message : String(error));
  }
  return result === 'cancelled' ? say.cancelled : result;
}
