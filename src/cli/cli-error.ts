/** An expected failure of a CLI command: printed as "error: <message>" with no stack, exit code 2 by default (usage/input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
