/*
 * A cover is shown to every visitor of the catalogue, many of them on mobile data: before it is uploaded,
 * a heavy or very wide picture is redrawn here at most 1200 pixels wide, as a JPEG. Small pictures go as
 * they are (an illustration in PNG stays sharp).
 */

export const COVER_MAX_WIDTH = 1200;
/** Pictures lighter than this and no wider than COVER_MAX_WIDTH are uploaded unchanged. */
export const COVER_LIGHT_BYTES = 300 * 1024;
const QUALITY = 0.82;

export interface PreparedPicture {
  blob: Blob;
  type: string;
  width: number;
  height: number;
}

/** The picture to upload as a cover; undefined when the browser cannot read it (the server then judges it). */
export async function shrinkPicture(file: Blob, maxWidth = COVER_MAX_WIDTH, lightBytes = COVER_LIGHT_BYTES): Promise<PreparedPicture | undefined> {
  let bitmap: ImageBitmap;
  try {
    // Photos from phones carry their rotation in EXIF: the bitmap is drawn upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  try {
    const { width, height } = bitmap;
    if (width <= maxWidth && file.size <= lightBytes) return { blob: file, type: file.type, width, height };
    const scale = Math.min(1, maxWidth / width);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) return { blob: file, type: file.type, width, height };
    // JPEG has no transparency: transparent parts become white, as on the page.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, w, h);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    // Keep the original when redrawing did not make it lighter and it needed no narrowing.
    if (!blob || (scale === 1 && blob.size >= file.size)) return { blob: file, type: file.type, width, height };
    return { blob, type: 'image/jpeg', width: w, height: h };
  } finally {
    bitmap.close();
  }
}
