export interface CourseFileError {
  /** Path relative to the current directory. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/** One `file:line: message` per line. */
export function formatErrors(errors: CourseFileError[]): string {
  return errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n');
}
