import { type Classifier, createClassifier } from '../classifier.js';
import { CAUSE_RULES } from './cause-rules.js';
import { isSignal, type Signal } from './signals.js';
import { SYMPTOM_RULES } from './symptom-rules.js';

/** Longest joined text the phrase rules scan (each text is already capped at 16 KiB). */
const MAX_SCANNED_TEXT = 64 * 1024;

let causeClassifier: Classifier | undefined;
let symptomClassifier: Classifier | undefined;

/** The cause a text names (quota, context overflow, policy, key…), from `CAUSE_RULES`. */
export function causeSignal(text: string): Signal | undefined {
  causeClassifier ??= createClassifier({ rules: CAUSE_RULES, maxTextLength: MAX_SCANNED_TEXT });
  return signalOf(causeClassifier, text);
}

/** The symptom a text describes (rate limit, overload, timeout, network…), from `SYMPTOM_RULES`. */
export function symptomSignal(text: string): Signal | undefined {
  symptomClassifier ??= createClassifier({ rules: SYMPTOM_RULES, maxTextLength: MAX_SCANNED_TEXT });
  return signalOf(symptomClassifier, text);
}

function signalOf(classifier: Classifier, text: string): Signal | undefined {
  if (text.length === 0) return undefined;
  const kind = classifier.classifyExample(text)?.kind;
  return isSignal(kind) ? kind : undefined;
}
