import type { JsonObject } from './recorded-event.js';

/** A file of the corpus. */
export interface CorpusFile {
  /** Path relative to the replayed directory (the file name when a single file is replayed), `/`-separated. */
  readonly file: string;
  /** Path as the user can open it (the input argument joined with `file`), for messages. */
  readonly path: string;
}

/** What reading a corpus yields, in order. */
export type CorpusRecord =
  /** An event, already in the shape the SDK hands to `processEvent`. */
  | {
      readonly type: 'event';
      readonly source: CorpusFile;
      /** 0-based position of the event within its file. */
      readonly entry: number;
      /** 1-based line the event starts on, for line-oriented files. */
      readonly line: number | undefined;
      readonly event: JsonObject;
    }
  /** A record that is not a readable event (bad JSON line, a non-object): reported and skipped. */
  | {
      readonly type: 'broken';
      readonly source: CorpusFile;
      readonly line: number | undefined;
      readonly problem: string;
    }
  /** A whole file left out of a directory walk because it is clearly not events. */
  | { readonly type: 'skipped'; readonly source: CorpusFile; readonly reason: string };

/** A record of type `T`. */
export type CorpusRecordOf<T extends CorpusRecord['type']> = Extract<CorpusRecord, { readonly type: T }>;
