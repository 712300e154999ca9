// The floor a replay is compared with: read a JSON Lines file in 1 MiB chunks, split it into lines and
// JSON.parse each one. Nothing is classified or printed.
import { closeSync, openSync, readSync } from 'node:fs';

const descriptor = openSync(process.argv[2] ?? '', 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
let carried = Buffer.alloc(0);
let parsed = 0;
for (;;) {
  const read = readSync(descriptor, chunk, 0, chunk.length, null);
  if (read === 0) break;
  const bytes =
    carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, read)]) : chunk.subarray(0, read);
  let start = 0;
  for (let newline = bytes.indexOf(10, start); newline !== -1; newline = bytes.indexOf(10, start)) {
    if (newline > start && JSON.parse(bytes.toString('utf8', start, newline))) parsed++;
    start = newline + 1;
  }
  carried = Buffer.from(bytes.subarray(start));
}
closeSync(descriptor);
process.stdout.write(`${parsed}\n`);
