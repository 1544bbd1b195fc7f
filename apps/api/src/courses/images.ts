// Course pictures: what is accepted, how it is named, how big it shows. No Nest here: migrations use it too.
import { imageSize } from 'image-size';
import type { EntityManager } from 'typeorm';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

// Pictures are recognised by their content, not by what the client claims. SVG is refused: it can carry script.
const ACCEPTED: Record<string, { type: string; ext: string }> = {
  png: { type: 'image/png', ext: 'png' },
  jpg: { type: 'image/jpeg', ext: 'jpg' },
  webp: { type: 'image/webp', ext: 'webp' },
  gif: { type: 'image/gif', ext: 'gif' },
};

export interface InspectedImage {
  type: string;
  ext: string;
  /** As displayed (EXIF rotation applied), so lessons can reserve the picture's space before it arrives. */
  width: number;
  height: number;
}

export function inspectImage(bytes: Uint8Array): InspectedImage | undefined {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return undefined;
  }
  const accepted = size.type ? ACCEPTED[size.type] : undefined;
  if (!accepted || !size.width || !size.height) return undefined;
  const turned = (size.orientation ?? 1) >= 5;
  return { ...accepted, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}

/** A safe file name for images/: lowercase letters, digits, dots, hyphens and underscores. */
export function imageFileName(name: string, ext: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${base || 'image'}.${ext}`;
}

/**
 * The name a picture of a course folder (`images/<file>`) gets once stored, or undefined when it is not a
 * picture the API stores. Documents read from files point to it by this name.
 */
export function storedImagePath(filePath: string, bytes: Uint8Array): string | undefined {
  const image = inspectImage(bytes);
  return image ? `images/${imageFileName(filePath.replace(/^images\//, ''), image.ext)}` : undefined;
}

/** Each picture's displayed size by file name, for a course's lessons to reserve its space. */
export async function imageSizes(m: EntityManager, courseId: string): Promise<Map<string, { width: number; height: number }>> {
  const rows: { filename: string; width: number; height: number }[] = await m.query(
    `SELECT filename, width, height FROM course_assets WHERE course_id = $1 AND width IS NOT NULL AND height IS NOT NULL`,
    [courseId],
  );
  return new Map(rows.map((r) => [r.filename, { width: r.width, height: r.height }]));
}
