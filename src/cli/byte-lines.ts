import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const EMPTY = Buffer.alloc(0);

/**
 * Reads a file as lines of bytes, streaming: only the current line (or payload) is held in memory, so a
 * multi-gigabyte JSONL or envelope dump is read in constant memory. Envelopes mix lines with payloads of
 * an exact byte `length` (attachments, which may contain newlines), hence bytes rather than text.
 */
export class ByteLines {
  readonly #chunks: AsyncIterator<Buffer>;
  #buffer: Buffer = EMPTY;
  #offset = 0;
  #ended = false;
  /** Newlines consumed so far: the 1-based number of the line the next `readLine` returns, minus one. */
  #newlines = 0;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.#chunks = chunks[Symbol.asyncIterator]();
  }

  /** Streams `path` in 64 KiB chunks. */
  static open(path: string): ByteLines {
    return new ByteLines(createReadStream(path, { highWaterMark: 64 * 1024 }));
  }

  /** Reads lines from bytes already in memory. */
  static of(bytes: Buffer): ByteLines {
    return new ByteLines(
      (async function* () {
        yield bytes;
      })(),
    );
  }

  /** 1-based number of the line the next `readLine` call returns. */
  get nextLineNumber(): number {
    return this.#newlines + 1;
  }

  /** The next line without its `\n` (or `\r\n`); `undefined` at the end of the file. */
  async readLine(): Promise<Buffer | undefined> {
    const pieces: Buffer[] = [];
    while (true) {
      const newline = this.#buffer.indexOf(NEWLINE, this.#offset);
      if (newline !== -1) {
        pieces.push(this.#buffer.subarray(this.#offset, newline));
        this.#offset = newline + 1;
        this.#newlines++;
        return stripCarriageReturn(pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces));
      }
      if (this.#offset < this.#buffer.length) pieces.push(this.#buffer.subarray(this.#offset));
      if (!(await this.#fill())) {
        return pieces.length === 0 ? undefined : stripCarriageReturn(Buffer.concat(pieces));
      }
    }
  }

  /** Exactly `length` bytes (fewer at the end of the file), then the newline that may follow them. */
  async readBytes(length: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let missing = length;
    while (missing > 0) {
      if (this.#offset >= this.#buffer.length && !(await this.#fill())) break;
      const piece = this.#buffer.subarray(this.#offset, this.#offset + missing);
      pieces.push(piece);
      this.#offset += piece.length;
      missing -= piece.length;
      this.#newlines += countNewlines(piece);
    }
    if (this.#offset >= this.#buffer.length) await this.#fill();
    if (this.#buffer[this.#offset] === NEWLINE) {
      this.#offset++;
      this.#newlines++;
    }
    return pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
  }

  /** Loads the next chunk; false at the end of the file. */
  async #fill(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#chunks.next();
    if (next.done) {
      this.#ended = true;
      this.#buffer = EMPTY;
      this.#offset = 0;
      return false;
    }
    this.#buffer = next.value;
    this.#offset = 0;
    return true;
  }

  /** Stops reading and releases the file. */
  async close(): Promise<void> {
    await this.#chunks.return?.();
  }
}

function stripCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(NEWLINE); index !== -1; index = bytes.indexOf(NEWLINE, index + 1)) count++;
  return count;
}
