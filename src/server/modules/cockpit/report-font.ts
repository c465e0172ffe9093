import fs from 'node:fs';
import { DomainError } from '../../http/errors.js';

/** A font file, and the font's PostScript name when the file is a collection (.ttc). */
export interface FontChoice {
  file: string;
  name?: string;
}

/** Chinese fonts of the usual Debian/Ubuntu packages, best first. */
const SYSTEM_FONTS: readonly FontChoice[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

/**
 * The font the PDF report embeds (a subset: only the characters used): LIANXIN_PDF_FONT when set
 * (`file.ttf`, or `file.ttc#PostScriptName`), else the first system CJK font found. Without one,
 * the report cannot show Chinese: a clear 503 that says what to install, not a PDF of empty boxes.
 */
export function reportFont(configured: string | undefined): FontChoice {
  if (configured) {
    const [file = '', name] = configured.split('#');
    if (fs.existsSync(file)) return name ? { file, name } : { file };
    throw new DomainError('cockpit.pdf_font_missing', 503);
  }
  const found = SYSTEM_FONTS.find((font) => fs.existsSync(font.file));
  if (!found) throw new DomainError('cockpit.pdf_font_missing', 503);
  return found;
}
