import { rememberRecent } from '../rules/recent-texts.js';
import { createTextMatcher, type TextMatcher } from '../rules/text-matcher.js';
import { CAUSE_RULES } from './cause-rules.js';
import type { Signal } from './signals.js';
import { SYMPTOM_RULES } from './symptom-rules.js';

/** Longest joined text the phrase tables scan (each text is already capped at 16 KiB). */
const MAX_SCANNED_TEXT = 64 * 1024;

let causes: TextMatcher<Signal> | undefined;
let symptoms: TextMatcher<Signal> | undefined;

/** The cause a text names (quota, context overflow, policy, key…), from `CAUSE_RULES`. */
export const causeSignal = rememberRecent((text: string): Signal | undefined => {
  causes ??= createTextMatcher(CAUSE_RULES, { maxTextLength: MAX_SCANNED_TEXT });
  return causes.match(text);
});

/** The symptom a text describes (rate limit, overload, timeout, network…), from `SYMPTOM_RULES`. */
export const symptomSignal = rememberRecent((text: string): Signal | undefined => {
  symptoms ??= createTextMatcher(SYMPTOM_RULES, { maxTextLength: MAX_SCANNED_TEXT });
  return symptoms.match(text);
});
