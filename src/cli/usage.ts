/** The CLI's `--help` text. */
export const USAGE = `sentry-expected-errors: see what your rules do to recorded Sentry events

Usage:
  sentry-expected-errors replay <file|dir> --rules <module> [--json] [--jobs <n>] [--surge <n>/<window>]
                                [--expect <file> | --write-expect <file>]
  sentry-expected-errors check --rules <module> [--json]
  sentry-expected-errors suggest <file|dir> [--out <file>] [--json] [--rules <module>] [--min-events <n>]
  sentry-expected-errors suggest --org <slug> --project <slug> [--url <base>] [--query <q>] [--out <file>]

Commands:
  replay   Classify recorded events (Sentry event JSON, JSON Lines, envelopes) exactly as the
           integration would, and print pass / drop / breadcrumb per event, then totals.
  check    Self-test a rule set (checkRules): examples claimed by an earlier rule, rules no example
           exercises, noMatch examples that match, shadowed or unsatisfiable rules.
  suggest  Suggest breadcrumb rules from the team's own Sentry data: archived issues and dry-run-tagged
           events are expected states, everything else a counter-example; prints per candidate the
           events, issues and share it claims (and counter-examples claimed: 0). See docs/suggest.md.

Options:
  -r, --rules <module>       An ES module exporting \`rules\` (named or default), or a JSON file holding
                             the array of rules; in JSON a \`pattern\` is { "source": "…", "flags": "i" }
      --json                 Print JSON instead of a table
      --surge <n>/<window>   Report the surge events the integration would have sent, from the events'
                             timestamps: more than <n> drops and demotions of one kind within <window>
                             (ms, s, m or h; default 100/60s, as the integration); off to skip
  -j, --jobs <n>             Threads that decide large JSON Lines files, the main one included (rows
                             keep the input order; default: one per core)
      --expect <file>        Compare with an expectations file; exit 1 on any mismatch
      --write-expect <file>  Write the outcomes of this replay as an expectations file
  -o, --out <file>           suggest: write the rules as an ES module exporting \`rules\`
      --min-events <n>       suggest: smallest cluster offered a rule (default 2)
      --org, --project       suggest: read the issues from Sentry's API (token in SENTRY_AUTH_TOKEN,
                             scope project:read); --url for self-hosted, --query for an issue search
  -h, --help                 Show this help
  -v, --version              Show the version

Input:
  Sentry events (one per file, or an array), JSON Lines (one event per line), envelopes (.envelope:
  header line, then item header and payload lines; only \`event\` items are events), and transport
  dumps (parsed envelopes, one per line). A directory is walked recursively in name order for
  .json, .jsonl, .ndjson and .envelope files, leaving out dot-entries, node_modules,
  package.json, tsconfig*.json, expectations files (expected.json, expectations.json,
  *.expected.json), the --rules and --expect files, and files that are clearly not events.
  A broken record (bad JSON line, a non-object) is reported on stderr and skipped.

Expectations file:
  { "version": 1, "expectations": [ { "file": "events/a.json", "entry": 0, "eventId": "…",
    "outcome": "drop", "kind": "rate_limited", "rule": "transient-status" } ] }
  An expectation applies to the events matching every selector it sets (eventId, file, entry, index);
  a file alone pins all its events. Every event must be covered; kind and rule are checked when set.

Exit codes:
  0  ok
  1  a mismatch with --expect (replay), or problems in the rules (check)
  2  a usage error or unreadable input: one line on stderr names the file and what is wrong
`;
