// Lesson Markdown → safe HTML, for the API and for the web app's authoring preview: no Node built-ins here.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { isExternal, lessonImagePath, lessonLink } from './links';

export interface RenderOptions {
  /** URL of a lesson linked by its file name (`m2-indicators.md`); undefined leaves the text unlinked. */
  lessonHref?: (fileName: string) => string | undefined;
  /**
   * URL of a picture by its path in the language folder (`images/diagram.png`), with its size when known so the
   * page keeps the picture's space while it loads; undefined shows its description.
   */
  imageSrc?: (path: string) => string | { src: string; width?: number; height?: number } | undefined;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'em', 'strong', 's', 'blockquote',
    'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'video'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title', 'width', 'height'], ol: ['start'], video: ['src', 'controls', 'preload'] },
  allowedClasses: { code: ['language-*'], a: ['video-link'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'], video: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Rebuilt from scratch so only these attributes survive; external links open apart from the platform.
    a: (tagName, attribs) => {
      const external = isExternal(attribs.href ?? '');
      return {
        tagName,
        attribs: {
          ...(attribs.href ? { href: attribs.href } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
          ...(attribs.class === 'video-link' ? { class: 'video-link' } : {}),
          ...(external ? { rel: 'noopener noreferrer', target: '_blank' } : {}),
        },
      };
    },
  },
};

export function renderLessonMarkdown(markdown: string, opts: RenderOptions = {}): string {
  const env = {};
  const tokens = md.parse(markdown, env);
  for (const token of tokens) for (const child of token.children ?? []) rewrite(child, opts);
  videos(tokens);
  return sanitizeHtml(md.renderer.render(tokens, md.options, env), SANITIZE);
}

function rewrite(token: MarkdownIt.Token, { lessonHref, imageSrc }: RenderOptions) {
  if (token.type === 'link_open' && lessonHref) {
    const lesson = lessonLink(String(token.attrGet('href') ?? ''));
    if (!lesson) return;
    const href = lessonHref(lesson.fileName);
    if (href === undefined) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
    else token.attrSet('href', href + lesson.fragment);
  }
  if (token.type === 'image' && imageSrc) {
    const src = String(token.attrGet('src') ?? '');
    if (/^https:\/\//i.test(src)) return;
    const path = lessonImagePath(src);
    const found = path === undefined ? undefined : imageSrc(path);
    const image = typeof found === 'string' ? { src: found } : found;
    if (image === undefined) {
      Object.assign(token, { type: 'text', tag: '', attrs: null, children: null });
      return;
    }
    token.attrSet('src', image.src);
    if (image.width && image.height) {
      token.attrSet('width', String(Math.round(image.width)));
      token.attrSet('height', String(Math.round(image.height)));
    }
  }
}

const VIDEO_FILE = /^https:\/\/[^\s"<>]+\.(mp4|webm|ogv)(\?[^\s"<>]*)?$/i;
const VIDEO_HOST = /^https:\/\/(www\.)?(youtube\.com|youtu\.be|vimeo\.com|player\.vimeo\.com)\//i;

/**
 * Video by link: a paragraph holding only a link to a video file becomes a player that loads nothing
 * until pressed (slow lines); a link to a video site stays a link, marked so the app can show it as a video.
 * No iframes: nothing from another site runs inside a lesson.
 */
function videos(tokens: MarkdownIt.Token[]) {
  for (let i = 1; i < tokens.length - 1; i++) {
    const children = tokens[i].children;
    if (tokens[i].type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || !children) continue;
    const parts = children.filter((c) => !(c.type === 'text' && !c.content.trim()));
    if (parts.length !== 3 || parts[0].type !== 'link_open' || parts[2].type !== 'link_close') continue;
    const href = String(parts[0].attrGet('href') ?? '');
    if (VIDEO_FILE.test(href)) {
      const escaped = md.utils.escapeHtml(href);
      const label = md.utils.escapeHtml(parts[1].content || href);
      Object.assign(tokens[i - 1], { type: 'html_block', tag: '', nesting: 0, content: `<video controls preload="none" src="${escaped}"><a href="${escaped}">${label}</a></video>\n` });
      Object.assign(tokens[i], { type: 'text', content: '', children: null });
      Object.assign(tokens[i + 1], { type: 'text', content: '', nesting: 0 });
    } else if (VIDEO_HOST.test(href)) {
      parts[0].attrJoin('class', 'video-link');
    }
  }
}
