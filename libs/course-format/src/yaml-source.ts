import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { CourseFileError } from './errors';
import type { Issue, Path } from './rules';

const HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: ' (put a text that contains ": " in quotes)',
  DUPLICATE_KEY: ' (a field is written twice)',
};

/** A YAML text with the line of every value, to report errors where they are. */
export class YamlSource {
  private readonly lines = new LineCounter();
  private readonly doc;
  private readonly value: unknown;
  private readonly valueError?: string;

  /** lineOffset: lines of the file before the YAML text (for a lesson's front matter). */
  constructor(
    readonly file: string,
    text: string,
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    if (this.doc.errors.length === 0) {
      try {
        // Aliases (*name) are expanded at most this often: a "billion laughs" file is an error, not a hang.
        this.value = this.doc.toJS({ maxAliasCount: 100 });
      } catch (e) {
        this.valueError = (e as Error).message;
      }
    }
  }

  syntaxErrors(): CourseFileError[] {
    const errors = this.doc.errors.map((e) => ({
      file: this.file,
      line: this.lineOf(e.pos[0]),
      message: `YAML syntax error: ${e.message.split('\n')[0]}${HINTS[e.code] ?? ''}`,
    }));
    if (this.valueError) errors.push({ file: this.file, line: 1 + this.lineOffset, message: `YAML error: ${this.valueError} (too many aliases *name)` });
    return errors;
  }

  get data(): unknown {
    return this.value;
  }

  /** Line of the field or list entry at path, or of its nearest ancestor that exists. */
  line(path: Path): number {
    let node: unknown = this.doc.contents;
    let offset = isScalar(node) || isMap(node) || isSeq(node) ? (node.range?.[0] ?? 0) : 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        if (isScalar(node) || isMap(node) || isSeq(node)) offset = node.range?.[0] ?? offset;
      } else break;
    }
    return this.lineOf(offset);
  }

  error(path: Path, message: string): CourseFileError {
    return { file: this.file, line: this.line(path), message };
  }

  errors(issues: Issue[]): CourseFileError[] {
    return issues.map((i) => this.error(i.path, i.message));
  }

  private lineOf(offset: number): number {
    return this.lines.linePos(offset).line + this.lineOffset;
  }
}
