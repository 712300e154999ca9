import { type Answer, CLOSED_PORT, type Loopback } from './loopback.js';
import {
  decisionFields,
  demotedOnDevice,
  demotes,
  drops,
  guarded,
  type LibraryDecision,
  type LibraryScenario,
  type SplitDecision,
  thrownBy,
} from './scenario.js';

/** The decisions LLM scenarios expect. */
export const KEY_REJECTED = guarded('provider_key_rejected');
export const QUOTA = guarded('quota_exhausted');
export const CONTENT_POLICY = guarded('content_policy');
export const TRANSIENT = demotes('transient_upstream');
export const TIMEOUT = demotes('client_timeout');
export const REFUSED = demotedOnDevice('connection_refused');
export const ABORTED = drops('request_aborted');
export const KEY = 'sk-corpus-0000000000000000000000000000';
export const MESSAGES = [{ role: 'user' as const, content: 'Say hi.' }];

/** One scenario: register the answer under a base path, call the SDK against it. */
export function sdkScenario(
  library: string,
  name: string,
  expected: LibraryDecision | SplitDecision,
  answer: Answer | undefined,
  call: (baseURL: string) => unknown,
  replay?: LibraryScenario['replay'],
): LibraryScenario {
  const slug = library.replace(/^@/, '').replace(/[^a-z0-9]+/g, '-');
  return {
    library,
    name,
    ...decisionFields(expected),
    ...(replay === undefined ? {} : { replay }),
    run: (loopback: Loopback) => {
      const base =
        answer === undefined
          ? `http://127.0.0.1:${CLOSED_PORT}/${slug}/${name}`
          : loopback.answer(`/${slug}/${name}/`, answer).replace(/\/$/, '');
      return thrownBy(() => call(base));
    },
  };
}
