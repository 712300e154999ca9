import axios from 'axios';
import got from 'got';
import ky from 'ky';
import nodeFetch from 'node-fetch';
import superagent from 'superagent';
import { fetch as undiciFetch, request as undiciRequest } from 'undici';
import { CLOSED_PORT, type Loopback } from './loopback.js';
import {
  CLIENT_TIMEOUT_MS,
  decisionFields,
  demotedOnDevice,
  demotes,
  drops,
  guarded,
  type LibraryScenario,
  passes,
  thrownBy,
  timeoutDemotedOnDevice,
  UNRESOLVABLE_HOST,
  unnamedOnDevice,
} from './scenario.js';

/** A scenario without one of its optional fields. */
function scenarioWithout(scenario: LibraryScenario, field: 'device' | 'replay'): LibraryScenario {
  const { [field]: _left, ...rest } = scenario;
  return rest;
}

/** How an app calls one HTTP client: a GET that throws on a non-2xx answer where the library does. */
type Call = (url: string, options: { readonly timeoutMs?: number; readonly signal?: AbortSignal }) => unknown;

/** Bodies a JSON API answers with. */
const BODIES: Readonly<Record<number, unknown>> = {
  400: { error: 'invalid_request', message: 'field "limit" must be a positive integer' },
  401: { error: 'unauthorized', message: 'Authentication required' },
  403: { error: 'forbidden', message: 'You do not have access to this workspace' },
  404: { error: 'not_found', message: 'Document not found' },
  429: { error: 'rate_limited', message: 'Too many requests, retry later' },
  500: { error: 'internal', message: 'Internal server error' },
  502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  503: { error: 'unavailable', message: 'Service temporarily unavailable' },
};

const STATUS_DECISIONS = {
  400: passes,
  401: demotes('http_unauthorized'),
  403: guarded('http_forbidden'),
  404: demotes('http_not_found'),
  429: demotes('transient_upstream'),
  // A generic client's 5xx may be the app's own backend: it passes unless `thirdPartyHosts` names the host.
  500: passes,
  502: passes,
  503: passes,
} as const;

/**
 * Clients whose Node transport errors carry no identity of theirs (Node's own `Error`, its message, Node's
 * frames). axios copies the cause's name and message too, but its own frames name it (`thrownBy`).
 */
const NO_TRANSPORT_IDENTITY: Readonly<Record<string, string>> = {
  superagent: "superagent rethrows Node's error as is",
};

/** The failures every client can have without an answer: timeout, abort, refused, reset, DNS. */
function transportScenarios(library: string, call: Call, only?: readonly string[]): LibraryScenario[] {
  const slug = library.replace(/[^a-z0-9]+/g, '-');
  const list: LibraryScenario[] = [
    {
      library,
      name: 'timeout',
      ...decisionFields(timeoutDemotedOnDevice),
      run: (loopback) =>
        thrownBy(() =>
          call(loopback.answer(`/${slug}/hang`, { hang: true }), { timeoutMs: CLIENT_TIMEOUT_MS }),
        ),
    },
    {
      library,
      name: 'aborted',
      expected: drops('request_aborted'),
      run: (loopback) => {
        const controller = new AbortController();
        const url = loopback.answer(`/${slug}/abort`, { hang: true });
        setTimeout(() => controller.abort(), 20);
        return thrownBy(() => call(url, { signal: controller.signal }));
      },
    },
    {
      library,
      name: 'connection-refused',
      ...transportDecision(library, 'connection_refused'),
      run: () => thrownBy(() => call(`http://127.0.0.1:${CLOSED_PORT}/v1/items`, {})),
    },
    {
      library,
      name: 'connection-reset',
      // `socket hang up` is Node's HTTP client's own message: an identity even where the client adds none.
      ...decisionFields(demotedOnDevice('connection_reset')),
      run: (loopback) => thrownBy(() => call(loopback.answer(`/${slug}/reset`, { reset: true }), {})),
    },
    {
      library,
      name: 'dns-failure',
      ...transportDecision(library, 'dns_failure'),
      run: () => thrownBy(() => call(`http://${UNRESOLVABLE_HOST}/v1/items`, {})),
    },
  ];
  return only === undefined ? list : list.filter((scenario) => only.includes(scenario.name));
}

/** A refused connection or failed lookup: demoted on a device where the client's identity shows, else passed. */
function transportDecision(
  library: string,
  kind: string,
): Pick<LibraryScenario, 'expected' | 'device' | 'ideal'> {
  return NO_TRANSPORT_IDENTITY[library] === undefined
    ? decisionFields(demotedOnDevice(kind))
    : { expected: passes, ideal: unnamedOnDevice(kind) };
}

function statusScenarios(library: string, call: Call): LibraryScenario[] {
  const slug = library.replace(/[^a-z0-9]+/g, '-');
  return Object.entries(STATUS_DECISIONS).map(([status, expected]) => ({
    library,
    name: `status-${status}`,
    expected,
    run: (loopback: Loopback) =>
      thrownBy(() =>
        call(
          loopback.answer(`/${slug}/status-${status}`, {
            status: Number(status),
            body: BODIES[Number(status)],
          }),
          {},
        ),
      ),
  }));
}

const axiosCall: Call = (url, { timeoutMs, signal }) =>
  axios.get(url, {
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
    ...(signal ? { signal } : {}),
  });

const gotCall: Call = (url, { timeoutMs, signal }) =>
  got(url, {
    retry: { limit: 0 },
    ...(timeoutMs === undefined ? {} : { timeout: { request: timeoutMs } }),
    ...(signal ? { signal } : {}),
  }).json();

const kyCall: Call = (url, { timeoutMs, signal }) =>
  ky.get(url, { retry: 0, timeout: timeoutMs ?? 10_000, ...(signal ? { signal } : {}) }).json();

const superagentCall: Call = async (url, { timeoutMs }) => {
  const request = superagent.get(url);
  if (timeoutMs !== undefined) request.timeout(timeoutMs);
  return await request;
};

const nodeFetchCall: Call = (url, { timeoutMs, signal }) =>
  nodeFetch(url, { signal: signal ?? (timeoutMs === undefined ? null : AbortSignal.timeout(timeoutMs)) });

const undiciFetchCall: Call = (url, { timeoutMs, signal }) =>
  undiciFetch(url, {
    ...(signal ? { signal } : timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  });

const globalFetchCall: Call = (url, { timeoutMs, signal }) =>
  fetch(url, {
    ...(signal ? { signal } : timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  });

/** undici's own `request` with `throwOnError`: the one undici API that throws on a status. */
const undiciRequestCall: Call = async (url, { timeoutMs, signal }) => {
  const { body } = await undiciRequest(url, {
    throwOnError: true,
    ...(timeoutMs === undefined ? {} : { headersTimeout: timeoutMs }),
    ...(signal ? { signal } : {}),
  });
  return await body.json();
};

/** HTTP clients: statuses where the library throws on them, and every failure without an answer. */
export const httpClientScenarios: readonly LibraryScenario[] = [
  ...statusScenarios('axios', axiosCall),
  ...transportScenarios('axios', axiosCall),
  ...statusScenarios('got', gotCall),
  ...transportScenarios('got', gotCall),
  ...statusScenarios('ky', kyCall),
  ...transportScenarios('ky', kyCall),
  // superagent's message is the bare reason phrase: the live `status`, or on replay its frames, name it.
  ...statusScenarios('superagent', superagentCall),
  ...transportScenarios('superagent', superagentCall, [
    'timeout',
    'connection-refused',
    'connection-reset',
    'dns-failure',
  ]),
  ...transportScenarios('node-fetch', nodeFetchCall).map((scenario) =>
    // node-fetch rejects with its own AbortError whatever the signal's reason: its timeouts read as aborts.
    scenario.name === 'timeout'
      ? { ...scenarioWithout(scenario, 'device'), expected: drops('request_aborted') }
      : scenario,
  ),
  ...transportScenarios('undici', undiciFetchCall),
  ...statusScenarios('undici', undiciRequestCall).filter((scenario) =>
    ['status-401', 'status-429', 'status-503', 'status-403'].includes(scenario.name),
  ),
  ...transportScenarios('fetch', globalFetchCall),
];
