// The floor a replay is compared with: read a JSON Lines file in 1 MiB chunks, split it into lines and
// JSON.parse each one. Nothing is classified or printed. A line is copied only when it spans two chunks.
import { closeSync, openSync, readSync } from 'node:fs';

const descriptor = openSync(process.argv[2] ?? '', 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
let carried = Buffer.alloc(0);
let parsed = 0;
const parse = (text) => {
  if (text.length > 0 && JSON.parse(text)) parsed++;
};
for (;;) {
  const read = readSync(descriptor, chunk, 0, chunk.length, null);
  if (read === 0) break;
  let start = 0;
  let newline = chunk.indexOf(10, 0);
  if (carried.length > 0) {
    if (newline === -1 || newline >= read) {
      carried = Buffer.concat([carried, chunk.subarray(0, read)]);
      continue;
    }
    parse(Buffer.concat([carried, chunk.subarray(0, newline)]).toString('utf8'));
    start = newline + 1;
    newline = chunk.indexOf(10, start);
  }
  while (newline !== -1 && newline < read) {
    parse(chunk.toString('utf8', start, newline));
    start = newline + 1;
    newline = chunk.indexOf(10, start);
  }
  carried = Buffer.from(chunk.subarray(start, read));
}
parse(carried.toString('utf8'));
closeSync(descriptor);
process.stdout.write(`${parsed}\n`);
