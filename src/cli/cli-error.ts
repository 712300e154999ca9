/**
 * A problem with the command line or its input (a missing file, bad JSON, an unknown envelope item, a
 * rules module without rules): the CLI prints its one-line message and exits with code 2.
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** A file-system error as a short phrase (`no such file or directory`), without a stack. */
export function describeFileError(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return error instanceof Error ? (error.message.split('\n', 1)[0] ?? 'unreadable') : 'unreadable';
  }
}
