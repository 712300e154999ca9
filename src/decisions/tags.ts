import type { Classification } from '../rules/types.js';

/** Category of the breadcrumbs this package leaves for demoted events; never classified itself. */
export const DEMOTED_CATEGORY = 'expected_error';
/** The tag / data key / log attribute naming the kind of a decided event, breadcrumb or log record. */
export const KIND_KEY = 'expected_error.kind';
/** The tag of a surge event, naming its kind. */
export const SURGE_TAG = 'expected_error.surge';
/** Dry-run: the tag of the event that would have raised a surge. */
export const SURGE_WOULD_FIRE_TAG = 'expected_error.surge_would_fire';
/** Dry-run: the tag of a claimed crash, which enforce mode would send too (the rule lacks `uncaught: true`). */
export const CRASH_TAG = 'expected_error.uncaught';
/** The counter decisions are reported in. */
export const DECISION_METRIC = 'expected_error.events';

/** The tags (on events) and data keys (on breadcrumbs) dry-run mode writes. */
export function classificationTags(classification: Classification): Record<string, string> {
  return {
    [KIND_KEY]: classification.kind,
    'expected_error.action': classification.action,
    'expected_error.rule': classification.rule,
  };
}

/** The tags a sampled event is sent with. */
export function sampledTags(classification: Classification): Record<string, string> {
  return {
    [KIND_KEY]: classification.kind,
    'expected_error.rule': classification.rule,
    'expected_error.sampled': 'true',
    'expected_error.sample_rate': String(classification.sample),
  };
}
