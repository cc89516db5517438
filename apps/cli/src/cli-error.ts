/** A problem the user can fix: printed as is (no stack) and turned into a non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
