import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../templates/runtime/errors.js';
import { api, clearKeyEnv, getSpec, makeClient } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => nock.cleanAll());

interface Thing {
  id: string;
}

describe('single-object envelopes (spec.envelope)', () => {
  it('the call resolves to the model; .withResponse() gives the body as sent', async () => {
    api().get('/v1/things/t1').times(2).reply(200, { data: { id: 't1' } }, { 'x-request-id': 'r1' });
    const client = makeClient();
    const thing = await client.requestUnwrapped<Thing, { data: Thing }>({ ...getSpec('/v1/things/t1'), envelope: 'data' });
    expect(thing).toEqual({ id: 't1' });
    const raw = await client.requestUnwrapped<Thing, { data: Thing }>({ ...getSpec('/v1/things/t1'), envelope: 'data' }).withResponse();
    expect(raw.data).toEqual({ data: { id: 't1' } });
    expect(raw.response.status).toBe(200);
  });

  it('without an envelope the body is the result, as before', async () => {
    api().get('/v1/things/t1').reply(200, { data: { id: 't1' } });
    expect(await makeClient().request(getSpec('/v1/things/t1'))).toEqual({ data: { id: 't1' } });
  });

  it('a body without the envelope property is an InvalidResponseError on await, still readable from .withResponse()', async () => {
    api().get('/v1/things/t1').times(2).reply(200, { id: 't1' });
    const client = makeClient();
    const error = await client.requestUnwrapped({ ...getSpec('/v1/things/t1'), envelope: 'data' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/no "data" property/);
    const raw = await client.requestUnwrapped({ ...getSpec('/v1/things/t1'), envelope: 'data' }).withResponse();
    expect(raw.data).toEqual({ id: 't1' });
  });

  it('an envelope holding null resolves to null (the spec may allow it)', async () => {
    api().get('/v1/things/t1').reply(200, { data: null });
    expect(await makeClient().requestUnwrapped({ ...getSpec('/v1/things/t1'), envelope: 'data' })).toBeNull();
  });
});
