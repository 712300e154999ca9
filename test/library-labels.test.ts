import { describe, expect, it } from 'vitest';
import { librariesScenarios } from '../scripts/libraries/all.js';
import { loadLibraryCorpus } from './helpers/library-corpus.js';

describe('the real-library corpus labels', () => {
  it('are the labels the recorder writes from its scenario lists (server, device and replay)', () => {
    // `npm run record` rewrites expected.json from the scenarios: a label changed by hand only would be lost.
    const fromScenarios = librariesScenarios.map((scenario) => ({
      library: scenario.library,
      ...scenario.expected,
      ...(scenario.replay === undefined ? {} : { replay: scenario.replay }),
      ...(scenario.device === undefined ? {} : { device: scenario.device }),
      ...(scenario.ideal === undefined ? {} : { ideal: scenario.ideal }),
    }));
    const committed = loadLibraryCorpus().map(({ expectation: { file: _file, ...label } }) => label);
    expect(committed).toEqual(fromScenarios);
  });
});
