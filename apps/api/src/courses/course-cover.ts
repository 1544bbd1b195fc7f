// A course's cover picture: it must be one of the course's stored pictures. No Nest services here, so the
// authoring service, the importers and the catalogue all use it without depending on one another.
import { BadRequestException } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { coverIssues } from '@ecampus/course-format';
import type { CourseDocument } from '@ecampus/contracts';
import { storedImagePath } from './images';

/**
 * Refuses (400, naming `cover.image`) a document whose cover is not a picture uploaded to the course, so a
 * saved cover always shows. Runs in the caller's transaction: nothing is stored when it throws.
 */
export async function assertCoverIsCoursePicture(m: EntityManager, courseId: string, doc: Pick<CourseDocument, 'cover'>): Promise<void> {
  if (!doc.cover) return;
  const rows: { filename: string }[] = await m.query(`SELECT filename FROM course_assets WHERE course_id = $1`, [courseId]);
  const issues = coverIssues(doc.cover.image, rows.map((r) => `images/${r.filename}`));
  if (issues.length) throw new BadRequestException(issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}

/**
 * A document read from course files, its cover pointing to the name its picture gets once stored
 * (`images/Portada.PNG` is stored as `portada.png`), so the cover still shows after an import.
 */
export function withStoredCover(doc: CourseDocument, images: { path: string; absPath: string }[]): CourseDocument {
  const cover = doc.cover;
  if (!cover) return doc;
  const file = images.find((i) => i.path === cover.image);
  const stored = file ? storedImagePath(file.path, readFileSync(file.absPath)) : undefined;
  return stored && stored !== cover.image ? { ...doc, cover: { ...cover, image: stored } } : doc;
}
