// The 0.1 automaton build (and its eager case-fold table), kept only as the benchmark's baseline for
// compile time: `npm run bench` times it against src/rules/automaton.ts in the same run.
import { caseFoldTable } from './fold-0.1.js';

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

/** Builds the automaton for already case-folded, non-empty keys; key ids are their positions. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  const fold = caseFoldTable();
  const classByCode = new Map<number, number>();
  for (const key of keys) {
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      if (!classByCode.has(code)) classByCode.set(code, classByCode.size + 1);
    }
  }
  const classCount = classByCode.size + 1;
  const classOf = new Uint16Array(65_536);
  for (let code = 0; code < 65_536; code++) {
    classOf[code] = classByCode.get(fold[code] as number) ?? 0;
  }

  // Trie in insertion numbering: child lookup through one map keyed by node * classCount + class.
  const childOf = new Map<number, number>();
  const trieClass: number[] = [0];
  const trieParent: number[] = [-1];
  const ownKeys: number[][] = [[]];
  keys.forEach((key, keyId) => {
    let node = 0;
    for (let index = 0; index < key.length; index++) {
      const characterClass = classOf[key.charCodeAt(index)] as number;
      const edge = node * classCount + characterClass;
      let child = childOf.get(edge);
      if (child === undefined) {
        child = trieClass.length;
        childOf.set(edge, child);
        trieClass.push(characterClass);
        trieParent.push(node);
        ownKeys.push([]);
      }
      node = child;
    }
    (ownKeys[node] as number[]).push(keyId);
  });
  const stateCount = trieClass.length;

  // Renumber breadth-first so that a state's failure target always has a smaller number and the
  // shallow states form a prefix that can get dense rows.
  const childrenOf: number[][] = Array.from({ length: stateCount }, () => []);
  for (let node = 1; node < stateCount; node++)
    (childrenOf[trieParent[node] as number] as number[]).push(node);
  const order: number[] = [0];
  for (let cursor = 0; cursor < order.length; cursor++) {
    const children = (childrenOf[order[cursor] as number] as number[]).sort(
      (left, right) => (trieClass[left] as number) - (trieClass[right] as number),
    );
    order.push(...children);
  }
  const renumbered = new Int32Array(stateCount);
  order.forEach((node, state) => {
    renumbered[node] = state;
  });
  const lookup = (state: number, characterClass: number): number => {
    const child = childOf.get((order[state] as number) * classCount + characterClass);
    return child === undefined ? -1 : (renumbered[child] as number);
  };

  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(Math.max(stateCount - 1, 0));
  const edgeTarget = new Int32Array(Math.max(stateCount - 1, 0));
  let edgeCount = 0;
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state] = edgeCount;
    for (const child of childrenOf[order[state] as number] as number[]) {
      edgeClass[edgeCount] = trieClass[child] as number;
      edgeTarget[edgeCount] = renumbered[child] as number;
      edgeCount++;
    }
  }
  edgeStart[stateCount] = edgeCount;

  const fail = new Int32Array(stateCount);
  for (let state = 1; state < stateCount; state++) {
    for (let edge = edgeStart[state] as number; edge < (edgeStart[state + 1] as number); edge++) {
      const characterClass = edgeClass[edge] as number;
      const child = edgeTarget[edge] as number;
      let candidate = fail[state] as number;
      let target = lookup(candidate, characterClass);
      while (target === -1 && candidate !== 0) {
        candidate = fail[candidate] as number;
        target = lookup(candidate, characterClass);
      }
      fail[child] = target === -1 ? 0 : target;
    }
  }
  // Children of the root fail to the root; the loop above starts at state 1, so they keep the 0 they have.

  const denseStates = Math.min(stateCount, Math.max(1, Math.floor(DENSE_TRANSITION_BUDGET / classCount)));
  const dense = new Int32Array(denseStates * classCount);
  for (let state = 0; state < denseStates; state++) {
    const row = state * classCount;
    const failRow = (fail[state] as number) * classCount;
    for (let characterClass = 0; characterClass < classCount; characterClass++) {
      dense[row + characterClass] = state === 0 ? 0 : (dense[failRow + characterClass] as number);
    }
    for (let edge = edgeStart[state] as number; edge < (edgeStart[state + 1] as number); edge++) {
      dense[row + (edgeClass[edge] as number)] = edgeTarget[edge] as number;
    }
  }

  const outputStart = new Int32Array(stateCount + 1);
  const outputKeys = new Int32Array(keys.length);
  let outputCount = 0;
  for (let state = 0; state < stateCount; state++) {
    outputStart[state] = outputCount;
    for (const keyId of ownKeys[order[state] as number] as number[]) outputKeys[outputCount++] = keyId;
  }
  outputStart[stateCount] = outputCount;
  const outputLink = new Int32Array(stateCount).fill(-1);
  const hasOutput = new Uint8Array(stateCount);
  for (let state = 1; state < stateCount; state++) {
    const target = fail[state] as number;
    const targetHasOwn = (outputStart[target + 1] as number) > (outputStart[target] as number);
    outputLink[state] = targetHasOwn ? target : (outputLink[target] as number);
    const hasOwn = (outputStart[state + 1] as number) > (outputStart[state] as number);
    hasOutput[state] = hasOwn || outputLink[state] !== -1 ? 1 : 0;
  }

  for (let entry = 0; entry < dense.length; entry++) {
    const target = dense[entry] as number;
    dense[entry] = target < denseStates && hasOutput[target] === 0 ? target * classCount : ~target;
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
