/**
 * Many short lists of numbers in two typed arrays: list `i` is `items[start[i]]` up to
 * `items[start[i + 1]]`. Tens of thousands of tiny typed arrays would cost far more than their content.
 */
export interface FlatLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Packs `lists` into one `FlatLists`. */
export function flatLists(lists: ReadonlyArray<ArrayLike<number>>): FlatLists {
  const start = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, index) => {
    start[index] = total;
    total += list.length;
  });
  start[lists.length] = total;
  const items = new Int32Array(total);
  lists.forEach((list, index) => {
    items.set(list, start[index] as number);
  });
  return { start, items };
}
