import zlib from 'node:zlib';
import { RESIDENT_HEADERS } from '../../../../shared/register-template.js';

/**
 * Hostile .xlsx files for the tests, built for real: XML zipped by hand, so that an entry's
 * declared size can lie as an attacker's would. Only what the row reader needs is in them.
 */
export interface ZipEntry {
  path: string;
  data: Buffer;
  /** The unpacked size the zip's headers claim; the real one if not given. */
  declaredSize?: number;
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const packed = zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = zlib.crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook of one sheet whose <sheetData> content is `rows`, with optional shared strings. */
export function workbook(
  rows: Buffer | string,
  options: { sharedStrings?: Buffer; sharedStringsDeclaredSize?: number } = {},
): Buffer {
  const rowsBuffer = typeof rows === 'string' ? Buffer.from(rows) : rows;
  const entries: ZipEntry[] = [
    {
      path: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="居民信息" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      path: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      path: 'xl/worksheets/sheet1.xml',
      data: Buffer.concat([
        Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`),
        rowsBuffer,
        Buffer.from('</sheetData></worksheet>'),
      ]),
    },
  ];
  if (options.sharedStrings)
    entries.push({
      path: 'xl/sharedStrings.xml',
      data: Buffer.concat([
        Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">`),
        options.sharedStrings,
        Buffer.from('</sst>'),
      ]),
      ...(options.sharedStringsDeclaredSize !== undefined
        ? { declaredSize: options.sharedStringsDeclaredSize }
        : {}),
    });
  return zip(entries);
}

const columnName = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

const inline = (reference: string, text: string) =>
  `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The resident template's header row, as row 1. */
export const headerRow = (): string =>
  `<row r="1">${RESIDENT_HEADERS.map((h, i) => inline(`${columnName(i)}1`, h)).join('')}</row>`;

/** The 1.7 KB file that killed the server: one cell whose reference names column 8,031,810. */
export const hugeColumnWorkbook = (): Buffer =>
  workbook(`${headerRow()}<row r="2">${inline('ZZZZZZZ2', '张三')}</row>`);

/** `count` shared strings of one letter each: megabytes that pack to kilobytes. */
export const sharedStringsBomb = (count: number, options: { lie?: boolean } = {}): Buffer =>
  workbook(`${headerRow()}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, {
    sharedStrings: Buffer.from('<si><t>a</t></si>'.repeat(count)),
    ...(options.lie ? { sharedStringsDeclaredSize: 4096 } : {}),
  });

/**
 * A header and `count` data rows of one (bad) cell each, without references (they are optional):
 * two million of them pack to a few hundred kilobytes and, read, would each be a bad row.
 */
export function manyRowsWorkbook(count: number): Buffer {
  const row = Buffer.from('<row><c t="inlineStr"><is><t>某</t></is></c></row>');
  const rows = Buffer.alloc(row.length * count);
  for (let i = 0; i < count; i++) row.copy(rows, i * row.length);
  return workbook(Buffer.concat([Buffer.from(headerRow()), rows]));
}
