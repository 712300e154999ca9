// Completes package-lock.json with the platform builds npm left out.
//
// The registry this project is developed against serves only the linux-glibc builds of some packages
// that ship one optional package per platform (@biomejs/cli-*, @rollup/rollup-*). npm then writes a
// lockfile without entries for the other platforms, and `npm ci` refuses that lockfile ("Missing: … from
// lock file"). This adds those entries — version from the parent's optionalDependencies, os/cpu/libc from
// the package name — so `npm ci` sees a complete tree and skips them, as it skips any package built for
// another platform. Run it after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = new URL('../package-lock.json', import.meta.url);
const PLATFORM_PACKAGE = /^@(?:biomejs\/cli|rollup\/rollup)-(.+)$/;
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
const CPU = {
  arm: 'arm',
  'arm-eabi': 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const match = PLATFORM_PACKAGE.exec(name);
  if (!match) return undefined;
  const [os, ...rest] = match[1].split('-');
  if (!OS.includes(os)) return undefined;
  const cpu = CPU[rest[0]] ?? CPU[rest.slice(0, 2).join('-')];
  if (!cpu) return undefined;
  const suffix = rest.join('-');
  const libc = os !== 'linux' ? undefined : /musl/.test(suffix) ? 'musl' : 'glibc';
  return { os, cpu, libc };
}

const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(name);
    if (!platform) continue;
    // npm resolves a dependency next to its parent first, then up the tree; the hoisted spot is where it
    // would have installed it.
    const nested = `${path}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    lock.packages[hoisted] = {
      version,
      cpu: [platform.cpu],
      dev: entry.dev === true ? true : undefined,
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([left], [right]) =>
    left === '' ? -1 : right === '' ? 1 : left.localeCompare(right),
  ),
);
writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length === 0
    ? 'package-lock.json is complete'
    : `added ${added.length} platform entries:\n  ${added.join('\n  ')}`,
);
