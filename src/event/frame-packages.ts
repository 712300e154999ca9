import { stackFramesOf } from './deferred-frames.js';
import { isRecord, itemsOf, read } from './guarded-read.js';

/** Most exceptions of one event whose frames are read (the SDK's own cause chain is 5 deep by default). */
const MAX_EXCEPTIONS = 16;
/** Most frames read per exception (the SDK keeps 50). */
const MAX_FRAMES = 64;
const NODE_MODULES = 'node_modules';

/**
 * The npm packages whose code ran in an event's stack traces, for the rule condition `thrownBy`: the
 * package under the last `node_modules/` of each frame's path (`filename`, else `abs_path`), for every
 * exception of the chain. A pnpm store path (`node_modules/.pnpm/axios@1.7.9/node_modules/axios/…`), an
 * Electron `app.asar` and Windows separators read the same. A bundled app (a browser build, a server
 * compiled into one file) has no `node_modules` paths left: nothing is read, so no `thrownBy` holds.
 * Never throws: a malformed event has no packages.
 */
export function framePackages(event: unknown): string[] {
  const packages: string[] = [];
  if (!isRecord(event)) return packages;
  const exception = read(event, 'exception');
  const values = isRecord(exception) ? itemsOf(read(exception, 'values'), MAX_EXCEPTIONS) : [];
  for (const value of values) {
    if (!isRecord(value)) continue;
    const stacktrace = read(value, 'stacktrace');
    if (!isRecord(stacktrace)) continue;
    for (const frame of itemsOf(stackFramesOf(stacktrace), MAX_FRAMES)) {
      if (!isRecord(frame)) continue;
      const path = read(frame, 'filename');
      const name = packageOfPath(typeof path === 'string' ? path : read(frame, 'abs_path'));
      if (name !== undefined && !packages.includes(name)) packages.push(name);
    }
  }
  return packages;
}

/** `…/node_modules/@scope/name/lib/x.js` → `@scope/name`; `undefined` outside `node_modules`. */
export function packageOfPath(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const at = path.lastIndexOf(NODE_MODULES);
  if (at <= 0 || !isSeparator(path[at - 1]) || !isSeparator(path[at + NODE_MODULES.length])) return undefined;
  const [first = '', second = '', ...rest] = path.slice(at + NODE_MODULES.length + 1).split(/[/\\]/);
  if (first.startsWith('@')) return second !== '' && rest.length > 0 ? `${first}/${second}` : undefined;
  return first !== '' && !first.startsWith('.') && second !== '' ? first : undefined;
}

function isSeparator(character: string | undefined): boolean {
  return character === '/' || character === '\\';
}
