import { caseFoldTable, foldCode, KELVIN_SIGN, KELVIN_SIGN_FOLDED } from './fold.js';

/**
 * An Aho–Corasick automaton over case-folded UTF-16 code units. Characters that appear in no key share
 * class 0, so the alphabet is only as large as the keys make it. The shallowest states (where a scan of
 * ordinary text spends nearly all its time) get dense transition rows; deeper ones keep sparse edges
 * and fall back along failure links, which bounds memory for tens of thousands of keys.
 */
export interface Automaton {
  /** Raw code unit → character class (of its folded form). */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  readonly stateCount: number;
  /** States numbered below this have a dense row in `dense`. */
  readonly denseStates: number;
  /**
   * Dense rows, `classCount` entries per state, holding the next state *encoded* so that the common
   * step costs one load and one sign test: a dense state that completes no key as the offset of its row
   * (`state * classCount`); any other state (sparse, or completing a key) as `~state`.
   */
  readonly dense: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeClass: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  /** 1 where reaching the state completes at least one key (its own or along the failure chain). */
  readonly hasOutput: Uint8Array;
  readonly outputStart: Int32Array;
  readonly outputKeys: Int32Array;
  /** Nearest state on the failure chain with keys of its own, or -1. */
  readonly outputLink: Int32Array;
  /** Bytes held by the typed arrays above. */
  readonly byteLength: number;
}

/** Dense rows are capped at this many transitions (4 MiB of Int32). */
const DENSE_TRANSITION_BUDGET = 1 << 20;
/** Work between two pauses of `buildAutomatonSteps`: keys inserted, states linked. */
const KEYS_PER_STEP = 512;
const STATES_PER_STEP = 4_096;
const ENTRIES_PER_STEP = 1 << 18;

/** Builds the automaton for already case-folded, non-empty keys; key ids are their positions. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const steps = buildAutomatonSteps(keys);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `buildAutomaton` in steps: the generator pauses (yields) after each bounded piece of work, so a caller
 * can spread a large build over several macrotasks; it returns the automaton.
 */
export function* buildAutomatonSteps(keys: readonly string[]): Generator<void, Automaton, void> {
  const { classOf, classCount } = characterClasses(keys);

  // Trie: children as linked lists (first child, next sibling), the root's as a direct table.
  let capacity = 1024;
  let trieClass = new Uint16Array(capacity);
  let firstChild = new Int32Array(capacity).fill(-1);
  let nextSibling = new Int32Array(capacity).fill(-1);
  const rootChild = new Int32Array(classCount).fill(-1);
  const keyNode = new Int32Array(keys.length);
  let nodeCount = 1;
  const addNode = (parent: number, characterClass: number): number => {
    if (nodeCount === capacity) {
      capacity *= 2;
      trieClass = grown(trieClass, new Uint16Array(capacity));
      firstChild = grown(firstChild, new Int32Array(capacity).fill(-1));
      nextSibling = grown(nextSibling, new Int32Array(capacity).fill(-1));
    }
    const node = nodeCount++;
    trieClass[node] = characterClass;
    if (parent === 0) rootChild[characterClass] = node;
    nextSibling[node] = firstChild[parent] as number;
    firstChild[parent] = node;
    return node;
  };
  for (let keyId = 0; keyId < keys.length; keyId++) {
    const key = keys[keyId] as string;
    let node = 0;
    for (let index = 0; index < key.length; index++) {
      const characterClass = classOf[key.charCodeAt(index)] as number;
      let child = node === 0 ? (rootChild[characterClass] as number) : (firstChild[node] as number);
      if (node !== 0)
        while (child !== -1 && trieClass[child] !== characterClass) child = nextSibling[child] as number;
      node = child === -1 ? addNode(node, characterClass) : child;
    }
    keyNode[keyId] = node;
    if (keyId % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  const stateCount = nodeCount;

  // Breadth-first numbering: a state's failure target has a smaller number, the shallow states form a
  // prefix that gets dense rows, and the children of a state are consecutive (so edge e leads to state
  // e + 1, and a state's edges start where its first child sits).
  const nodeOfState = new Int32Array(stateCount);
  const stateOfNode = new Int32Array(stateCount);
  const edgeStart = new Int32Array(stateCount + 1);
  let queued = 1;
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state] = queued - 1;
    for (
      let child = firstChild[nodeOfState[state] as number] as number;
      child !== -1;
      child = nextSibling[child] as number
    ) {
      stateOfNode[child] = queued;
      nodeOfState[queued++] = child;
    }
  }
  edgeStart[stateCount] = stateCount - 1;
  const edgeCount = Math.max(stateCount - 1, 0);
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  for (let edge = 0; edge < edgeCount; edge++) {
    edgeClass[edge] = trieClass[nodeOfState[edge + 1] as number] as number;
    edgeTarget[edge] = edge + 1;
  }
  yield;

  // Failure links and dense rows in one breadth-first pass: a state's row is its failure state's row
  // plus its own edges, and a child's failure state is where the parent's failure state goes on the
  // child's character (looked up in a dense row, or along sparse edges and failure links).
  const denseStates = Math.min(stateCount, Math.max(1, Math.floor(DENSE_TRANSITION_BUDGET / classCount)));
  const dense = new Int32Array(denseStates * classCount);
  const fail = new Int32Array(stateCount);
  const transition = (from: number, characterClass: number): number => {
    let current = from;
    for (;;) {
      if (current < denseStates) return dense[current * classCount + characterClass] as number;
      const end = edgeStart[current + 1] as number;
      for (let edge = edgeStart[current] as number; edge < end; edge++) {
        if (edgeClass[edge] === characterClass) return edge + 1;
      }
      current = fail[current] as number;
    }
  };
  for (let state = 0; state < stateCount; state++) {
    const first = edgeStart[state] as number;
    const end = edgeStart[state + 1] as number;
    if (state < denseStates) {
      const row = state * classCount;
      if (state !== 0)
        dense.copyWithin(
          row,
          (fail[state] as number) * classCount,
          (fail[state] as number) * classCount + classCount,
        );
      for (let edge = first; edge < end; edge++) dense[row + (edgeClass[edge] as number)] = edge + 1;
    }
    for (let edge = first; edge < end; edge++) {
      fail[edge + 1] = state === 0 ? 0 : transition(fail[state] as number, edgeClass[edge] as number);
    }
    if (state % STATES_PER_STEP === STATES_PER_STEP - 1) yield;
  }

  // Keys by the state that completes them, in key order.
  const outputStart = new Int32Array(stateCount + 1);
  const outputKeys = new Int32Array(keys.length);
  const keyState = Int32Array.from(keyNode, (node) => stateOfNode[node] as number);
  for (const state of keyState) outputStart[state + 1] = (outputStart[state + 1] as number) + 1;
  for (let state = 0; state < stateCount; state++) {
    outputStart[state + 1] = (outputStart[state + 1] as number) + (outputStart[state] as number);
  }
  const filled = outputStart.slice(0, stateCount);
  keyState.forEach((state, keyId) => {
    const slot = filled[state] as number;
    outputKeys[slot] = keyId;
    filled[state] = slot + 1;
  });
  const outputLink = new Int32Array(stateCount).fill(-1);
  const hasOutput = new Uint8Array(stateCount);
  for (let state = 1; state < stateCount; state++) {
    const target = fail[state] as number;
    const targetHasOwn = (outputStart[target + 1] as number) > (outputStart[target] as number);
    outputLink[state] = targetHasOwn ? target : (outputLink[target] as number);
    const hasOwn = (outputStart[state + 1] as number) > (outputStart[state] as number);
    hasOutput[state] = hasOwn || outputLink[state] !== -1 ? 1 : 0;
  }
  yield;

  for (let entry = 0; entry < dense.length; entry++) {
    const target = dense[entry] as number;
    dense[entry] = target < denseStates && hasOutput[target] === 0 ? target * classCount : ~target;
    if (entry % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }

  const arrays = [
    classOf,
    dense,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    hasOutput,
    outputStart,
    outputKeys,
    outputLink,
  ];
  return {
    classOf,
    classCount,
    stateCount,
    denseStates,
    dense,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    hasOutput,
    outputStart,
    outputKeys,
    outputLink,
    byteLength: arrays.reduce((total, array) => total + array.byteLength, 0),
  };
}

/**
 * Character classes: one per distinct (folded) key character, 0 for every other. `classOf` maps each raw
 * code unit through its folded form; when every key character is ASCII only ASCII and U+212A can fold
 * to one of them, so the full fold table is not needed.
 */
function characterClasses(keys: readonly string[]): { classOf: Uint16Array; classCount: number } {
  const classByCode = new Map<number, number>();
  let asciiOnly = true;
  for (const key of keys) {
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      if (classByCode.has(code)) continue;
      classByCode.set(code, classByCode.size + 1);
      if (code >= 0x80) asciiOnly = false;
    }
  }
  const classOf = new Uint16Array(65_536);
  if (asciiOnly) {
    for (let code = 0; code < 0x80; code++) classOf[code] = classByCode.get(foldCode(code)) ?? 0;
    classOf[KELVIN_SIGN] = classByCode.get(KELVIN_SIGN_FOLDED) ?? 0;
  } else {
    const fold = caseFoldTable();
    for (let code = 0; code < 65_536; code++) classOf[code] = classByCode.get(fold[code] as number) ?? 0;
  }
  return { classOf, classCount: classByCode.size + 1 };
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Runs the automaton over `text[from, to)` starting in `state` and returns the state it ends in, so a
 * field made of several strings scans as one. `onOutput(state, index)` is called at every position where a
 * key ends. This is the hot loop: the state is carried encoded (see `Automaton.dense`).
 */
export function advance(
  automaton: Automaton,
  text: string,
  from: number,
  to: number,
  state: number,
  onOutput: (state: number, index: number) => void,
): number {
  const { classOf, classCount, denseStates, dense, hasOutput } = automaton;
  let current = state;
  // Row offset while in a dense state that completes no key (the common case), else -1.
  let row = current < denseStates && hasOutput[current] === 0 ? current * classCount : -1;
  for (let index = from; index < to; index++) {
    const characterClass = classOf[text.charCodeAt(index)] as number;
    if (row >= 0) {
      const next = dense[row + characterClass] as number;
      if (next >= 0) {
        row = next;
        continue;
      }
      current = ~next;
    } else {
      current = step(automaton, current, characterClass);
    }
    if (hasOutput[current] === 1) onOutput(current, index);
    row = current < denseStates && hasOutput[current] === 0 ? current * classCount : -1;
  }
  return row >= 0 ? row / classCount : current;
}

/** One transition from any state: a dense row, or sparse edges and failure links down to a dense row. */
function step(automaton: Automaton, state: number, characterClass: number): number {
  const { classCount, denseStates, dense, edgeStart, edgeClass, edgeTarget, fail } = automaton;
  let current = state;
  for (;;) {
    if (current < denseStates) {
      const encoded = dense[current * classCount + characterClass] as number;
      return encoded >= 0 ? encoded / classCount : ~encoded;
    }
    const end = edgeStart[current + 1] as number;
    for (let edge = edgeStart[current] as number; edge < end; edge++) {
      if (edgeClass[edge] === characterClass) return edgeTarget[edge] as number;
    }
    current = fail[current] as number;
  }
}
