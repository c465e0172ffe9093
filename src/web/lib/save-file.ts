import type { DownloadedFile } from '../api/client';

/** Hands a downloaded file to the browser as a download (the user's downloads folder). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Data the page already holds (a JSON answer) as a file download. */
export function saveJson(data: unknown, fileName: string): void {
  saveFile({ blob: new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), fileName });
}
