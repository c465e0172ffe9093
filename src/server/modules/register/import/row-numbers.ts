/**
 * Row numbers by a 64-bit key, for the checks of an import against its earlier rows (the same ID
 * number twice, two heads of one household) over files of a million rows: an open-addressing
 * table in typed arrays takes 12–24 bytes a row and gives the garbage collector nothing to trace,
 * where a Map of strings took well over a hundred.
 *
 * Keys are 64 bits of a blind index (random already) or a 64-bit hash of a text. Two different
 * values share a key with a probability of about n²/2⁶⁵: 3·10⁻⁸ for a million rows.
 */
export class RowNumbers {
  private high: Uint32Array;
  private low: Uint32Array;
  /** 0 marks a free slot: row numbers start at 2 (row 1 is the header). */
  private rows: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.rows = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The row stored for the key of these 16 hex digits, or undefined. */
  getHex(hex: string): number | undefined {
    return this.get(Number.parseInt(hex.slice(0, 8), 16), Number.parseInt(hex.slice(8, 16), 16));
  }

  setHex(hex: string, row: number): void {
    this.set(Number.parseInt(hex.slice(0, 8), 16), Number.parseInt(hex.slice(8, 16), 16), row);
  }

  hasHex(hex: string): boolean {
    return this.getHex(hex) !== undefined;
  }

  hasText(text: string): boolean {
    return this.getText(text) !== undefined;
  }

  /** The row stored for the text (by a 64-bit hash of it), or undefined. */
  getText(text: string): number | undefined {
    hashText(text);
    return this.get(hashed.high, hashed.low);
  }

  setText(text: string, row: number): void {
    hashText(text);
    this.set(hashed.high, hashed.low, row);
  }

  private slot(high: number, low: number): number {
    const mask = this.rows.length - 1;
    let slot = (Math.imul(high, 0x9e3779b1) ^ low) & mask;
    while (this.rows[slot] !== 0 && (this.high[slot] !== high || this.low[slot] !== low)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private get(high: number, low: number): number | undefined {
    const row = this.rows[this.slot(high, low)]!;
    return row === 0 ? undefined : row;
  }

  private set(high: number, low: number, row: number): void {
    if (row <= 0) throw new RangeError('row numbers start at 1');
    if ((this.count + 1) * 2 > this.rows.length) this.grow();
    const slot = this.slot(high, low);
    if (this.rows[slot] === 0) this.count += 1;
    this.high[slot] = high;
    this.low[slot] = low;
    this.rows[slot] = row;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const slot = this.slot(high[i]!, low[i]!);
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

const hashed = { high: 0, low: 0 };

/** Two 32-bit FNV-1a style hashes with different bases and multipliers, into `hashed`. */
function hashText(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashed.high = a >>> 0;
  hashed.low = b >>> 0;
}
