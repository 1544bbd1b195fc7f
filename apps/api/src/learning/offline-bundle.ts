import type { OfflineBundleDto } from '@ecampus/contracts';
import type { PublishedCourse } from '../courses/published-course';
import { assetUrl } from '../courses/course-document';

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const ASSET_SRC = /src="(\/api\/assets\/[^"]+)"/g;

/**
 * The reads a learner needs to study a course with no connection: the outline, every lesson, every module check
 * (questions only: checks are scored by the server when the line comes back) and the pictures the lessons show.
 * Sizes are what the phone stores (uncompressed JSON, picture bytes), so the learner can decide before downloading.
 * The final quiz is left out: it is drawn and scored per attempt, so it needs a connection.
 */
export function offlineBundle(published: PublishedCourse, outline: unknown, assetSizes: ReadonlyMap<string, number>): OfflineBundleDto {
  const files: { url: string; bytes: number }[] = [{ url: `/api/courses/${encodeURIComponent(published.slug)}`, bytes: bytesOf(outline) }];
  const pictures = new Set<string>();
  const onlineOnly: string[] = [];
  if (published.cover) pictures.add(published.cover.url);
  for (const item of published.items) {
    if (item.type === 'lesson') {
      const view = published.lessonView(item, false);
      files.push({ url: `/api/lessons/${item.id}`, bytes: bytesOf(view) });
      for (const [, src] of view.html.matchAll(ASSET_SRC)) pictures.add(src.replace(/&amp;/g, '&'));
    } else if (item.type === 'quiz') {
      if ((item.kind ?? 'check') === 'final') onlineOnly.push(item.id!);
      else files.push({ url: `/api/quizzes/${item.id}`, bytes: bytesOf(published.quizView(item)) });
    }
  }
  const sizeByUrl = new Map([...assetSizes].map(([filename, size]) => [assetUrl(published.courseId, filename), size]));
  for (const url of pictures) {
    const size = sizeByUrl.get(url);
    if (size !== undefined) files.push({ url, bytes: size });
  }
  return { slug: published.slug, version: published.versionId, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, onlineOnly };
}
