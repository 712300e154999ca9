/** A stream the CLI writes to: `process.stdout`, or any object that collects text (tests). */
export interface OutputStream {
  /** Writes `text`; `false` asks the writer to wait for `'drain'` (Node's backpressure). */
  write(text: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
  /** Terminal width, when `isTTY`. */
  readonly columns?: number;
}

/** Text batched into large writes, so a million rows cost a few hundred write calls, not a million. */
export interface BufferedOutput {
  /** Appends `text` (and a newline with `line`). */
  write(text: string): void;
  line(text: string): void;
  /** Writes what is batched; resolves when the stream can take more (a promise only when it must wait). */
  flush(): void | Promise<void>;
}

const BATCH_LENGTH = 64 * 1024;

/** Batches writes to `stream`, honouring its backpressure at each `flush`. */
export function bufferedOutput(stream: OutputStream): BufferedOutput {
  let pending = '';
  let mustWait = false;
  const writeOut = () => {
    if (pending.length === 0) return;
    if (!stream.write(pending)) mustWait = true;
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= BATCH_LENGTH) writeOut();
    },
    line(text) {
      pending += `${text}\n`;
      if (pending.length >= BATCH_LENGTH) writeOut();
    },
    flush() {
      writeOut();
      if (!mustWait || !stream.once) return;
      mustWait = false;
      const once = stream.once.bind(stream);
      return new Promise<void>((resolve) => {
        once('drain', resolve);
      });
    },
  };
}
