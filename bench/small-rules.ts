// Run in a fresh process by `npm run bench`: 10 case-sensitive rules against a plain indexOf per anchor,
// alternating rounds, in a process where this classifier is the only one (as in an app), so code shared
// with the large rule sets of other sections is not measured in a state they left it in.
import { createClassifier, type Rule } from '../src/index.js';
import { alternate, microsPerInput } from './measure.js';
import { type BenchEvent, events, eventText, matchingEvents, substrings } from './workload.js';

const rounds = Number(process.argv[2] ?? 5);
const quiet = events(64);
const anchors = substrings(10);
const classifier = createClassifier({
  rules: anchors.map((anchor): Rule => ({ kind: 'noise', action: 'drop', any: [anchor] })),
});
const matching = matchingEvents(quiet, anchors);
const texts = new Map([...quiet, ...matching].map((event) => [event, eventText(event)]));
const nativeFloor = (event: BenchEvent) => {
  const text = texts.get(event) as string;
  let found = 0;
  for (const anchor of anchors) if (text.indexOf(anchor) !== -1) found++;
  return found + 1;
};
const values = await alternate(rounds, {
  floorQuiet: () => microsPerInput(nativeFloor, quiet, 60),
  ourQuiet: () => microsPerInput((event) => classifier.classify(event), quiet, 60),
  floorMatch: () => microsPerInput(nativeFloor, matching, 60),
  ourMatch: () => microsPerInput((event) => classifier.classify(event), matching, 60),
});
process.stdout.write(`${JSON.stringify(values)}\n`);
