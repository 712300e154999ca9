/**
 * Prints the real-library corpus's decisions, from its labels (test/library-corpus.test.ts holds the real
 * `@sentry/node` to every one of them, live and on replay, on a server and on a device):
 *
 * - per library: events, then on a server and on a device how many are demoted or dropped / sent because a
 *   guard claims them / sent because no rule does;
 * - per run (live or replay × server or device): how many events are decided as they ideally should be
 *   (a known miss's `ideal`, else the live label), and how many that should be sent are not (false
 *   demotions), with each miss and why.
 *
 *   npx tsx scripts/library-table.ts
 */
import {
  idealFor,
  type LibraryDecision,
  type LibraryExpectation,
  type LibraryRunsOn,
  loadLibraryCorpus,
  sameDecision,
} from '../test/helpers/library-corpus.js';

const labels = loadLibraryCorpus().map(({ expectation }) => expectation);

function decided(
  label: LibraryExpectation,
  source: 'live' | 'replay',
  runsOn: LibraryRunsOn,
): LibraryDecision {
  if (source === 'replay' && label.replay !== undefined) return label.replay;
  return runsOn === 'device' && label.device !== undefined ? label.device : label;
}

const split = (list: readonly LibraryExpectation[], runsOn: LibraryRunsOn): string => {
  const decisions = list.map((label) => decided(label, 'live', runsOn));
  const demoted = decisions.filter(({ outcome }) => outcome !== 'pass').length;
  const guarded = decisions.filter(({ outcome, kind }) => outcome === 'pass' && kind !== undefined).length;
  return `${demoted} / ${guarded} / ${decisions.length - demoted - guarded}`;
};

const libraries = [...new Set(labels.map(({ library }) => library))];
const lines = ['| library | events | server | device |', '|---|---:|---|---|'];
for (const library of libraries) {
  const list = labels.filter((label) => label.library === library);
  lines.push(`| ${library} | ${list.length} | ${split(list, 'server')} | ${split(list, 'device')} |`);
}
lines.push(
  `| **all ${libraries.length}** | **${labels.length}** | **${split(labels, 'server')}** | **${split(labels, 'device')}** |`,
);
process.stdout.write(`${lines.join('\n')}\n\n(server and device: demoted or dropped / guarded / passed)\n\n`);

for (const source of ['live', 'replay'] as const) {
  for (const runsOn of ['server', 'device'] as const) {
    const misses = labels.filter(
      (label) => !sameDecision(decided(label, source, runsOn), idealFor(label, runsOn)),
    );
    const falseDemotions = labels.filter(
      (label) =>
        idealFor(label, runsOn).outcome === 'pass' && decided(label, source, runsOn).outcome !== 'pass',
    );
    const accuracy = (100 * (labels.length - misses.length)) / labels.length;
    process.stdout.write(
      `${source}, ${runsOn}: ${accuracy.toFixed(1)} % (${labels.length - misses.length} of ${labels.length}), ${falseDemotions.length} false demotions\n`,
    );
    for (const label of misses) {
      const why = (source === 'replay' && label.replay?.why) || label.ideal?.why || '';
      process.stdout.write(`  - ${label.file}: ${why}\n`);
    }
  }
}
