/** A mistake in the command line: reported with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
