// The 0.1 case-fold table (built eagerly), the baseline automaton's dependency.
let foldTable: Uint16Array | undefined;

/**
 * The case folding `ignoreCase` uses: each UTF-16 code unit maps to its simple lowercase form when that
 * is a single code unit, else to itself. Unlike `String#toLowerCase()` it never changes a string's length,
 * so positions in folded and raw text agree and the scan can fold as it reads.
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

/** Folds a whole string with `caseFoldTable()`. */
export function foldCase(text: string): string {
  const table = caseFoldTable();
  let folded = '';
  for (let index = 0; index < text.length; index++) {
    folded += String.fromCharCode(table[text.charCodeAt(index)] as number);
  }
  return folded;
}
