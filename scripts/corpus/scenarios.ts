import { bugScenarios, messageOnlyScenarios, messageScenarios, secretScenarios } from './app-scenarios.js';
import {
  backendApiScenarios,
  byoKeyScenarios,
  unauthorizedLookalikeScenarios,
} from './credential-scenarios.js';
import { messageNotFoundScenarios } from './message-scenarios.js';
import type { Scenario } from './scenario.js';
import { sessionScenarios } from './session-scenarios.js';
import {
  modelFallbackScenarios,
  statusLookalikeScenarios,
  transientScenarios,
} from './upstream-scenarios.js';

/**
 * Every recorded scenario, in fixture order. Append new scenarios at the end of their group; a name is a
 * fixture's identity, so renaming one renames its file.
 */
export const scenarios: readonly Scenario[] = [
  ...sessionScenarios,
  ...byoKeyScenarios,
  ...unauthorizedLookalikeScenarios,
  ...backendApiScenarios,
  ...messageNotFoundScenarios,
  ...modelFallbackScenarios,
  ...transientScenarios,
  ...statusLookalikeScenarios,
  ...bugScenarios,
  ...messageScenarios,
  ...secretScenarios,
  ...messageOnlyScenarios,
];
