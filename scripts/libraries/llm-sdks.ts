import { genaiScenarios, generativeAiScenarios } from './google-sdks.js';
import { aiScenarios, cohereScenarios, mistralScenarios } from './other-llm-sdks.js';
import type { LibraryScenario } from './scenario.js';
import { anthropicScenarios, groqScenarios, openaiScenarios } from './stainless-sdks.js';

export { aggregateScenarios } from './stainless-sdks.js';

/** LLM SDKs: transient vs quota vs key rejected vs content policy. */
export const llmScenarios: readonly LibraryScenario[] = [
  ...openaiScenarios,
  ...anthropicScenarios,
  ...genaiScenarios,
  ...generativeAiScenarios,
  ...cohereScenarios,
  ...groqScenarios,
  ...mistralScenarios,
  ...aiScenarios,
];
