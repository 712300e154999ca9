let foldTable: Uint16Array | undefined;

/**
 * The only code unit outside ASCII whose simple lowercase form is in ASCII: U+212A KELVIN SIGN → `k`
 * (a test checks this against `String#toLowerCase` over every code unit). It lets keys made of ASCII
 * characters be folded and scanned without the full 65,536-entry table.
 */
export const KELVIN_SIGN = 0x212a;
/** `k`, the fold of `KELVIN_SIGN`. */
export const KELVIN_SIGN_FOLDED = 0x6b;

/**
 * The case folding `ignoreCase` uses: each UTF-16 code unit maps to its simple lowercase form when that
 * is a single code unit, else to itself. Unlike `String#toLowerCase()` it never changes a string's length,
 * so positions in folded and raw text agree and the scan can fold as it reads. Built on first use (it
 * costs one `toLowerCase` per code unit); ASCII text never needs it.
 */
export function caseFoldTable(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(65_536);
  for (let code = 0; code < 65_536; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    table[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  foldTable = table;
  return table;
}

/** The folded form of one code unit (see `caseFoldTable`); ASCII by arithmetic. */
export function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code === KELVIN_SIGN) return KELVIN_SIGN_FOLDED;
  return caseFoldTable()[code] as number;
}

/** Folds a whole string with `foldCode`. */
export function foldCase(text: string): string {
  let folded = '';
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const lower = foldCode(code);
    if (lower === code) continue;
    folded += text.slice(start, index) + String.fromCharCode(lower);
    start = index + 1;
  }
  return start === 0 ? text : folded + text.slice(start);
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * Folds a field's text as `foldCase` does, by the native `toLowerCase` where the two agree: on ASCII text
 * (the usual case, and much faster).
 */
export function foldText(text: string): string {
  return NON_ASCII.test(text) ? foldCase(text) : text.toLowerCase();
}
