/** Longest `message` kept, in UTF-8 bytes: the bound of coder's `error_message varchar(1024)` column. */
export const MAX_MESSAGE_BYTES = 1024;

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes without splitting a character: a surrogate pair is kept
 * or dropped whole. Reads at most `maxBytes` code units, so a huge string costs no more than a short one.
 * A lone surrogate counts as the 3 bytes of the U+FFFD an encoder writes for it.
 */
export function truncateUtf8(text: string, maxBytes: number = MAX_MESSAGE_BYTES): string {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const pair = unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1));
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) return text.slice(0, index);
    bytes += size;
    if (pair) index++;
  }
  return text;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
