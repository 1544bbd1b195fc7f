import { estimateMinutes, renderLessonMarkdown } from '@ecampus/course-format';
import { searchable } from '@ecampus/contracts';
import type { CourseDocument, CourseSearchHitDto, CoverDto, ItemDoc, ItemType, LessonDoc, LessonDto, QuizDoc, QuizDto } from '@ecampus/contracts';
import { assetUrl, coverDto, coverFile, flatItems } from './course-document';

export interface ItemRef {
  id: string;
  type: ItemType;
  title: string;
}

/** A published version, prepared for learners: immutable, so it is cached by version id. */
export class PublishedCourse {
  readonly items: ItemDoc[];
  readonly itemKeys: string[];
  /** The time the course takes, computed from its content: the certificate's hours come from it. */
  readonly computedMinutes: number;
  private readonly byId = new Map<string, number>();
  private readonly html = new Map<string, string>();
  private text?: { item: ItemDoc; title: string; body: string; plain: string }[];
  private whole?: string;

  constructor(
    readonly courseId: string,
    readonly versionId: string,
    readonly doc: CourseDocument,
    /** The course pictures' sizes by file name (pictures without one still show). */
    private readonly imageSizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
    /** Minutes computed from the content at publish; computed now for a version published before they were stored. */
    computedMinutes?: number,
  ) {
    this.computedMinutes = computedMinutes ?? estimateMinutes(doc);
    this.items = flatItems(doc);
    this.items.forEach((item, i) => this.byId.set(item.id!, i));
    this.itemKeys = this.items.map((i) => i.key!);
  }

  get slug(): string {
    return this.doc.slug;
  }

  /** The cover picture as learners get it, or undefined (none, or its picture is not stored). */
  get cover(): CoverDto | undefined {
    const cover = this.doc.cover;
    return cover ? coverDto(this.courseId, cover, this.imageSizes.get(coverFile(cover))) : undefined;
  }

  item(id: string): ItemDoc | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  neighbours(id: string): { previous?: ItemRef; next?: ItemRef } {
    const i = this.byId.get(id);
    if (i === undefined) return {};
    const ref = (item: ItemDoc | undefined): ItemRef | undefined => item && { id: item.id!, type: item.type, title: item.title };
    return { previous: ref(this.items[i - 1]), next: ref(this.items[i + 1]) };
  }

  lessonHtml(lesson: LessonDoc): string {
    let html = this.html.get(lesson.id!);
    if (html === undefined) {
      const byFile = new Map(this.items.map((i) => [`${i.key}.md`, i.id!]));
      html = renderLessonMarkdown(lesson.markdown, {
        lessonHref: (file) => {
          const id = byFile.get(file.split('/').pop()!.split('#')[0]);
          return id ? `/lessons/${id}` : undefined;
        },
        imageSrc: (path) => {
          const name = /^(?:\.\.\/)?images\/([^/]+)$/.exec(path)?.[1];
          if (!name) return undefined;
          const filename = decodeURIComponent(name);
          return { src: assetUrl(this.courseId, filename), ...this.imageSizes.get(filename) };
        },
      });
      this.html.set(lesson.id!, html);
    }
    return html;
  }

  quiz(id: string): QuizDoc | undefined {
    const item = this.item(id);
    return item?.type === 'quiz' ? item : undefined;
  }

  /** A quiz as learners see it: no correct flags, no feedback. */
  quizView(quiz: QuizDoc): Omit<QuizDto, 'bestScore' | 'passed'> {
    return {
      id: quiz.id!,
      title: quiz.title,
      kind: quiz.kind ?? 'check',
      passingScore: quiz.passingScore,
      courseSlug: this.slug,
      questions: quiz.questions.map((q) => ({ id: q.id!, prompt: q.prompt, kind: q.kind, options: q.options.map((o) => ({ id: o.id!, text: o.text })) })),
      ...this.neighbours(quiz.id!),
    };
  }

  lessonView(lesson: LessonDoc, completed: boolean): LessonDto {
    return { id: lesson.id!, title: lesson.title, html: this.lessonHtml(lesson), courseSlug: this.slug, ...this.neighbours(lesson.id!), completed };
  }

  /** Lesson and quiz texts as search compares them (built once per version). */
  private texts() {
    this.text ??= this.items.map((item) => {
      const plain = item.type === 'lesson' ? plainText(this.lessonHtml(item)) : item.type === 'quiz' ? item.questions.map((q) => q.prompt).join(' ') : '';
      return { item, title: searchable(item.title), body: searchable(plain), plain };
    });
    return this.text;
  }

  /** Whether every word is somewhere in the course: title, summary, objectives, audience, glossary, lesson text. */
  matches(words: string[]): boolean {
    if (!words.length) return true;
    this.whole ??= searchable(
      [this.doc.title, this.doc.summary, ...(this.doc.objectives ?? []), this.doc.audience ?? '', ...(this.doc.glossary ?? []).map((g) => `${g.term} ${g.definition}`)].join(' '),
    ) + ' ' + this.texts().map((t) => `${t.title} ${t.item.type === 'lesson' ? t.body : ''}`).join(' ');
    return words.every((w) => this.whole!.includes(w));
  }

  /** The lessons and quizzes that hold every word, in course order, with a few words around the first one. */
  search(words: string[], withSnippets: boolean): CourseSearchHitDto[] {
    if (!words.length) return [];
    return this.texts()
      .filter((t) => words.every((w) => t.title.includes(w) || t.body.includes(w)))
      .map((t) => ({ id: t.item.id!, type: t.item.type, title: t.item.title, snippet: withSnippets ? snippet(t.plain, t.body, words) : '' }));
  }
}

/** Lesson HTML as plain text: tags out, the few entities the renderer writes decoded. */
function plainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** About twenty words of the plain text around the first match (found in `body`, its searchable form). */
function snippet(plain: string, body: string, words: string[]): string {
  const first = words.map((w) => body.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (first === undefined) return '';
  // searchable() may shorten a letter (its marks go): walk the plain text to the same place.
  let p = 0;
  for (let b = 0; b < first && p < plain.length; p++) b += searchable(plain[p]).length;
  const start = Math.max(0, plain.lastIndexOf(' ', Math.max(0, p - 80)) + 1);
  const end = plain.indexOf(' ', Math.min(plain.length, p + 120));
  return `${start > 0 ? '… ' : ''}${plain.slice(start, end < 0 ? plain.length : end)}${end >= 0 && end < plain.length ? ' …' : ''}`;
}
