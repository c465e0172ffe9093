/** The longest side a photo keeps: plenty to see the work done, a tenth of a 12-MP photo's pixels. */
export const MAX_SIDE = 2048;
const JPEG_QUALITY = 0.8;

/** Types drawn again before upload; anything else (a PDF) goes as it is. */
const PHOTO = /^image\/(jpeg|png|webp|heic|heif|avif)$/;

async function encode(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the photo'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}

/**
 * A photo as it is uploaded: drawn onto a canvas at most MAX_SIDE px on its longest side (turned
 * upright by its EXIF orientation) and encoded again as JPEG (quality 0.8). A 12-MP phone photo
 * (4–6 MB) arrives well under 1 MB, and since only the pixels are drawn, none of its metadata goes
 * with it: no GPS position, no camera, no time. Throws when the browser cannot read the image (the
 * original, with its location, is never sent instead).
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!PHOTO.test(file.type)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    // JPEG has no transparency: a PNG's clear parts become white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await encode(canvas);
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
