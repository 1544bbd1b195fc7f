// Checks of a lesson's Markdown: links, pictures, raw HTML. Browser-safe: no Node built-ins.
import MarkdownIt from 'markdown-it';
import { isExternal, lessonImagePath, lessonLink } from './links';

export interface MarkdownProblem {
  /** 1-based line within the Markdown text. */
  line: number;
  message: string;
}

export interface MarkdownContext {
  /** Keys of the lessons of the course (in the same language). */
  lessonKeys: ReadonlySet<string>;
  /** Whether a picture exists, by path relative to the language folder; omit when files cannot be checked. */
  imageExists?: (path: string) => boolean;
  /** Documents sent to the API may hold raw HTML: the renderer escapes it, so it can never run. */
  allowHtml?: boolean;
}

// html: true only to find raw HTML (the renderer escapes it).
const parser = new MarkdownIt({ html: true, linkify: true });

export function checkLessonMarkdown(markdown: string, context: MarkdownContext): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  let line = 0;
  for (const token of parser.parse(markdown, {})) {
    if (token.map) line = token.map[0];
    if (token.type === 'html_block' && !context.allowHtml) problems.push({ line: line + 1, message: 'raw HTML is not allowed in a lesson: write it in Markdown' });
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') offset++;
      const at = line + offset + 1;
      if (child.type === 'html_inline' && !context.allowHtml) problems.push({ line: at, message: 'raw HTML is not allowed in a lesson: write it in Markdown' });
      if (child.type === 'link_open') {
        const message = checkLink(String(child.attrGet('href') ?? ''), context);
        if (message) problems.push({ line: at, message });
      }
      if (child.type === 'image') {
        for (const message of checkImage(String(child.attrGet('src') ?? ''), child.content, context)) problems.push({ line: at, message });
      }
    }
  }
  // One problem per line and message (an opening and a closing tag are one problem).
  return problems.filter((p, i) => problems.findIndex((q) => q.line === p.line && q.message === p.message) === i);
}

function checkLink(href: string, { lessonKeys }: MarkdownContext): string | undefined {
  const lesson = lessonLink(href);
  if (lesson) return lessonKeys.has(lesson.key) ? undefined : `broken link to "${href}": the course has no lesson "${lesson.key}"`;
  if (isExternal(href) || /^mailto:/i.test(href) || href.startsWith('#')) return undefined;
  return `link "${href}" must be a lesson file name (other-lesson.md), an http(s) URL or a mailto: address`;
}

function checkImage(src: string, alt: string, { imageExists }: MarkdownContext): string[] {
  const messages = alt.trim() ? [] : [`picture "${src}" needs a description: ![what it shows](${src})`];
  if (/^https:\/\//i.test(src)) return messages;
  const path = lessonImagePath(src);
  if (!path?.startsWith('images/')) messages.push(`picture "${src}" must be a file of the images folder (../images/name.png) or an https URL`);
  else if (imageExists && !imageExists(path)) messages.push(`broken picture "${src}": ${path} does not exist`);
  return messages;
}
