import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { cursorPage, irOf, json, specWith } from '../helpers/ir.js';
import { securityWarnings } from '../../generator/ir/security.js';

const item = { type: 'object', properties: { id: { type: 'string' } } };
const ok = (schema: unknown = item) => ({ responses: { '200': json(schema) } });
const cursorParams = [
  { name: 'cursor', in: 'query', schema: { type: 'string' } },
  { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
];

describe('IR: resource grouping and method names', () => {
  it('places operations by path, skipping the version segment', async () => {
    const ir = await irOf(
      specWith({
        '/v1/sessions': { get: { operationId: 'listSessions', parameters: cursorParams, ...ok(cursorPage(item)) } },
        '/v1/sessions/{sessionId}': { get: { operationId: 'getSession', parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string' } }], ...ok() } },
        '/v1/sessions/{sessionId}/events': {
          get: { operationId: 'listEvents', parameters: [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string' } }, ...cursorParams], ...ok(cursorPage(item)) },
        },
        '/v1/analytics': { get: { operationId: 'getAnalytics', ...ok() } },
        '/v1/users/{userId}/sessions': { get: { operationId: 'getUserSessions', parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], ...ok() } },
        '/health': { get: { operationId: 'health', ...ok() } },
      }),
      { operations: { health: { method: 'check' } } },
    );
    const table = ir.operations.map((o) => [o.operationId, `${o.resource}.${o.resourceMethod}`, o.functionName, o.typeName]);
    expect(table).toEqual([
      ['listSessions', 'sessions.list', 'listSessions', 'ListSessions'],
      ['getSession', 'sessions.get', 'getSession', 'GetSession'],
      ['listEvents', 'sessions.events', 'listEvents', 'ListEvents'],
      ['getAnalytics', 'analytics.get', 'getAnalytics', 'GetAnalytics'],
      ['getUserSessions', 'users.sessions', 'getUserSessions', 'GetUserSessions'],
      ['health', 'health.check', 'health', 'Health'],
    ]);
    expect(ir.resources.map((r) => [r.property, r.className, r.fileName, r.operations.length])).toEqual([
      ['sessions', 'Sessions', 'sessions', 3],
      ['analytics', 'Analytics', 'analytics', 1],
      ['users', 'Users', 'users', 1],
      ['health', 'Health', 'health', 1],
    ]);
  });

  it('names write methods by verb, one item of a sub-collection in the singular', async () => {
    const ir = await irOf(
      specWith({
        '/pets': { get: { operationId: 'listPets', ...ok({ type: 'array', items: item }) }, post: { operationId: 'createPet', ...ok() } },
        '/pets/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          get: { operationId: 'getPet', ...ok() },
          delete: { operationId: 'deletePet', responses: { '204': { description: 'gone' } } },
          patch: { operationId: 'patchPet', ...ok() },
          put: { operationId: 'putPet', ...ok() },
        },
        '/pets/{id}/photos': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], post: { operationId: 'addPhoto', ...ok() } },
        '/pets/{id}/photos/{photoId}': {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'photoId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          delete: { operationId: 'removePhoto', responses: { '204': { description: 'gone' } } },
        },
      }),
    );
    expect(ir.operations.map((o) => `${o.operationId}=${o.resource}.${o.resourceMethod}`)).toEqual([
      'listPets=pets.list',
      'createPet=pets.create',
      'getPet=pets.get',
      'putPet=pets.replace',
      'deletePet=pets.delete',
      'patchPet=pets.update',
      'addPhoto=pets.createPhoto',
      'removePhoto=pets.deletePhoto',
    ]);
  });

  it("gives colliding methods the id's own words, then the function name, instead of hiding one", async () => {
    const ir = await irOf(
      specWith({
        '/v1/things': { get: { operationId: 'listThings', ...ok() } },
        '/v2/things': { get: { operationId: 'listThingsV2', ...ok() } },
      }),
    );
    // Both list `things`: each takes its id without the resource.
    expect(ir.operations.map((o) => `${o.resource}.${o.resourceMethod}`)).toEqual(['things.list', 'things.listV2']);
    const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
    const same = await irOf(
      specWith({
        '/v1/things/{id}': { get: { operationId: 'getThing', parameters: id, ...ok() } },
        '/v2/things/{id}': { get: { operationId: 'get_thing', parameters: id, ...ok() } },
      }),
    );
    // Their ids say the same (`get`) too: the function names, which always differ.
    expect(same.operations.map((o) => `${o.resource}.${o.resourceMethod}`)).toEqual(['things.getThing', 'things.getThing2']);
  });

  it('never starts a method name with a digit (a segment like 2.0 or 1)', async () => {
    const ir = await irOf(
      specWith({
        '/oauth2/1/authorize': { get: { operationId: 'authorize', ...ok() } },
        '/v2/scim/2.0/ResourceTypes': { get: { operationId: 'resourceTypes', ...ok() } },
      }),
    );
    expect(ir.operations.map((o) => `${o.resource}.${o.resourceMethod}`)).toEqual(['oauth2.get1Authorize', 'scim.get20ResourceTypes']);
  });

  it('puts no verb before a path segment that already is one', async () => {
    const id = { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] };
    const ir = await irOf(
      specWith({
        '/user/createWithArray': { post: { operationId: 'createUsersWithArrayInput', ...ok() } },
        '/pet/{id}/uploadImage': { ...id, post: { operationId: 'uploadFile', ...ok() } },
        '/jobs/{id}/cancel': { ...id, post: { operationId: 'cancelJob', ...ok() } },
        '/jobs/{id}/results': { ...id, delete: { operationId: 'purgeResults', ...ok() } },
      }),
    );
    expect(ir.operations.map((o) => `${o.resource}.${o.resourceMethod}`)).toEqual(['user.createWithArray', 'pet.uploadImage', 'jobs.cancel', 'jobs.deleteAllResults']);
  });

  it('derives stable names for operations without an operationId', async () => {
    const ir = await irOf(specWith({ '/v1/users/{userId}': { get: { parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], ...ok() } } }));
    expect(ir.operations[0]).toMatchObject({ operationId: 'getV1UsersByUserId', hasSpecOperationId: false, functionName: 'getV1UsersByUserId', resource: 'users', resourceMethod: 'get' });
  });

  it('makes non-identifier and reserved operationIds safe', async () => {
    const ir = await irOf(
      specWith({
        '/a': { get: { operationId: 'repos/get-content', ...ok() } },
        '/b': { get: { operationId: 'users.list', ...ok() } },
        '/c': { get: { operationId: 'import', ...ok() } },
        '/d': { get: { operationId: 'Import', ...ok() } },
      }),
    );
    expect(ir.operations.map((o) => [o.functionName, o.typeName])).toEqual([
      ['reposGetContent', 'ReposGetContent'],
      ['usersList', 'UsersList'],
      ['import_', 'Import'],
      ['import_2', 'ImportOperation'],
    ]);
  });

  it('rejects a config override for an operation the spec lacks, naming the config pointer', async () => {
    await expect(irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } } }), { operations: { nope: { method: 'x' } } })).rejects.toMatchObject({
      name: 'GeneratorError',
      pointer: '#/operations/nope',
    });
  });
});

describe('IR: parameters', () => {
  it('orders path parameters by the template, merges path-level params, and keeps the rest named', async () => {
    const ir = await irOf(
      specWith({
        '/orgs/{org}/repos/{repo}': {
          parameters: [
            { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          ],
          get: {
            operationId: 'getRepo',
            parameters: [
              { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'X-Trace', in: 'header', required: true, description: 'overrides', schema: { type: 'string' } },
              { name: 'per_page', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 30 } },
            ],
            ...ok(),
          },
        },
      }),
    );
    const op = ir.operations[0]!;
    expect(op.pathParams.map((p) => [p.name, p.identifier])).toEqual([
      ['org', 'org'],
      ['repo', 'repo'],
    ]);
    expect(op.namedParams.map((p) => [p.name, p.in, p.required, p.description])).toEqual([
      ['X-Trace', 'header', true, 'overrides'],
      ['per_page', 'query', false, undefined],
    ]);
    expect(op.namedParams[1]!.schema).toEqual({ type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 30, nullable: false, isArray: false });
  });

  it('renames path parameters that collide with the fixed argument names', async () => {
    const ir = await irOf(specWith({ '/x/{options}/{class}': { get: { operationId: 'x', parameters: ['options', 'class'].map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...ok() } } }));
    expect(ir.operations[0]!.pathParams.map((p) => p.identifier)).toEqual(['options2', 'class_']);
  });

  it('reads 3.0 nullable and 3.1 type arrays as the same thing', async () => {
    const ir = await irOf(
      specWith({ '/a': { get: { operationId: 'a', parameters: [{ name: 'q', in: 'query', schema: { type: ['string', 'null'] } }], ...ok() } } }),
    );
    expect(ir.operations[0]!.namedParams[0]!.schema).toMatchObject({ type: 'string', nullable: true });
  });
});

describe('IR: pagination detection', () => {
  const spec = specWith({
    '/items': { get: { operationId: 'listItems', parameters: cursorParams, ...ok(cursorPage(item)) } },
    '/cursorOnly': { get: { operationId: 'cursorButNoEnvelope', parameters: cursorParams, ...ok({ type: 'array', items: item }) } },
    '/envelopeOnly': { get: { operationId: 'envelopeButNoCursor', ...ok(cursorPage(item)) } },
    '/viaRef': { get: { operationId: 'viaRef', parameters: cursorParams, ...ok({ $ref: '#/components/schemas/Page' }) } },
    '/viaAllOf': {
      get: {
        operationId: 'viaAllOf',
        parameters: cursorParams,
        ...ok({ allOf: [{ $ref: '#/components/schemas/Paged' }, { type: 'object', properties: { data: { type: 'array', items: item } } }] }),
      },
    },
  }, {
    components: {
      schemas: {
        Page: cursorPage(item),
        Paged: { type: 'object', properties: { pagination: { type: 'object', properties: { nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } } } } },
      },
    },
  });

  it('needs both the cursor parameter and the response envelope (through $ref and allOf)', async () => {
    const ir = await irOf(spec);
    expect(ir.operations.map((o) => [o.operationId, o.paging?.constName ?? null])).toEqual([
      ['listItems', 'CURSOR_PAGING'],
      ['cursorButNoEnvelope', null],
      ['envelopeButNoCursor', null],
      ['viaRef', 'CURSOR_PAGING'],
      ['viaAllOf', 'CURSOR_PAGING'],
    ]);
    expect(ir.pagingStyles).toEqual([
      {
        constName: 'CURSOR_PAGING',
        style: 'cursor',
        positionParam: 'cursor',
        itemsPath: ['data'],
        nextCursorPath: ['pagination', 'nextCursor'],
        pageSizeParam: 'pageSize',
        hasMorePath: ['pagination', 'hasMore'],
        paginationPath: ['pagination'],
      },
    ]);
  });

  it('follows the configured style instead of the default', async () => {
    const other = specWith({
      '/events': {
        get: {
          operationId: 'listEvents',
          parameters: [{ name: 'after', in: 'query', schema: { type: 'string' } }],
          ...ok({ type: 'object', properties: { results: { type: 'array', items: item }, meta: { type: 'object', properties: { next: { type: 'string' } } } } }),
        },
      },
      '/items': { get: { operationId: 'listItems', parameters: cursorParams, ...ok(cursorPage(item)) } },
    });
    const ir = await irOf(other, { pagination: [{ name: 'after', style: 'cursor', cursorParam: 'after', items: 'results', nextCursor: 'meta.next' }] });
    expect(ir.operations.map((o) => [o.operationId, o.paging?.constName ?? null, o.paging?.itemsPath ?? null])).toEqual([
      ['listEvents', 'AFTER_PAGING', ['results']],
      ['listItems', null, null],
    ]);
  });

  it('can be switched off per operation', async () => {
    const ir = await irOf(spec, { operations: { listItems: { pagination: false } } });
    expect(ir.operations[0]!.paging).toBeUndefined();
  });
});

describe('IR: responses, auth and servers', () => {
  it('picks the lowest 2xx as the result and keeps error statuses', async () => {
    const ir = await irOf(
      specWith({
        '/a': {
          get: {
            operationId: 'a',
            responses: { '202': json(item), '200': json(item), '404': json({}), default: { description: 'err' }, '304': { description: 'nm' } },
          },
        },
      }),
    );
    const op = ir.operations[0]!;
    expect(op.success).toMatchObject({ status: '200', isJson: true, mediaType: 'application/json' });
    expect(op.errors.map((e) => e.status)).toEqual(['404', 'default']);
  });

  it('treats empty security as unauthenticated and inherits the global requirement otherwise', async () => {
    const ir = await irOf(
      specWith({ '/a': { get: { operationId: 'a', ...ok() } }, '/b': { get: { operationId: 'b', security: [], ...ok() } }, '/c': { get: { operationId: 'c', security: [{}], ...ok() } } }, {
        security: [{ key: [] }],
        components: { securitySchemes: { key: { type: 'http', scheme: 'bearer' } } },
      }),
    );
    expect(ir.operations.map((o) => o.requiresAuth)).toEqual([true, false, false]);
    // Only the explicit empty list means "never send the key"; `{}` means the key is optional.
    expect(ir.operations.map((o) => o.keyless)).toEqual([false, true, false]);
  });

  it('security declared nowhere: the key is neither required nor withheld', async () => {
    const ir = await irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } } }));
    expect(ir.operations.map((o) => [o.requiresAuth, o.keyless])).toEqual([[false, false]]);
  });

  it('a parameter that is the key itself is left to the client', async () => {
    const spec = specWith(
      {
        '/a': {
          get: {
            operationId: 'a',
            parameters: [
              { name: 'api_key', in: 'query', required: true, schema: { type: 'string' } },
              { name: 'Authorization', in: 'header', schema: { type: 'string' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
            ],
            ...ok(),
          },
        },
      },
      { components: { securitySchemes: { q: { type: 'apiKey', in: 'query', name: 'api_key' }, b: { type: 'http', scheme: 'bearer' } } }, security: [{ q: [] }] },
    );
    expect((await irOf(spec)).operations[0]?.namedParams.map((p) => p.name)).toEqual(['Authorization', 'limit']);
    // The default form's parameter only: with bearer the default, `api_key` is the caller's again.
    const bearerFirst = { ...spec, security: [{ b: [] }] };
    expect((await irOf(bearerFirst)).operations[0]?.namedParams.map((p) => p.name)).toEqual(['api_key', 'limit']);
  });

  it('schemes defined but applied nowhere: read as an omission, every operation requires the key', async () => {
    const schemes = { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } };
    const forgot = await irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } }, '/b': { get: { operationId: 'b', ...ok() } } }, schemes));
    expect(forgot.operations.map((o) => [o.requiresAuth, o.keyless])).toEqual([[true, false], [true, false]]);
    expect(securityWarnings(specWith({}, schemes))).toEqual([
      'The spec defines security schemes but applies none (no root or operation `security`): every operation is taken to require the key.',
    ]);
    expect(securityWarnings(specWith({}, { ...schemes, security: [{ key: [] }] }))).toEqual([]);
    // Applied somewhere: operations without security are left as they are (optional).
    const some = await irOf(specWith({ '/a': { get: { operationId: 'a', security: [{ key: [] }], ...ok() } }, '/b': { get: { operationId: 'b', ...ok() } } }, schemes));
    expect(some.operations.map((o) => [o.requiresAuth, o.keyless])).toEqual([[true, false], [false, false]]);
  });

  describe('operations that take different credentials', () => {
    const schemes = {
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.example.test', scopes: {} } } },
          openId: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.test/.well-known' },
          storeKey: { type: 'apiKey', in: 'header', name: 'api_key' },
          appKey: { type: 'apiKey', in: 'query', name: 'key' },
          appToken: { type: 'apiKey', in: 'query', name: 'token' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    };
    const op = (operationId: string, security?: unknown): Record<string, unknown> => ({ get: { operationId, ...(security ? { security } : {}), ...ok() } });

    it('lists what each operation accepts as auth forms, in spec order; the API-wide list is the root one', async () => {
      const ir = await irOf(
        specWith(
          {
            '/pets': op('pets'),
            '/store': op('store', [{ storeKey: [] }, { oauth: [] }]),
            '/boards': op('boards', [{ appKey: [], appToken: [] }]),
            '/health': op('health', []),
          },
          { ...schemes, security: [{ oauth: [] }] },
        ),
      );
      expect(ir.security).toEqual([['oauth']]);
      const byId = Object.fromEntries(ir.operations.map((o) => [o.operationId, o]));
      expect(byId.pets).toMatchObject({ accepts: [['oauth']] });
      expect(byId.pets?.security).toBeUndefined(); // same as the API-wide list: nothing to tell the client
      expect(byId.store).toMatchObject({ accepts: [['storeKey'], ['oauth']], security: [['storeKey'], ['oauth']] });
      expect(byId.boards).toMatchObject({ accepts: [['appKey', 'appToken']], security: [['appKey', 'appToken']] });
      expect(byId.health).toMatchObject({ keyless: true, accepts: [] });
      expect(byId.health?.security).toBeUndefined();
    });

    it('maps schemes that send alike to one form, drops requirements no form can send, keeps {} as []', async () => {
      const ir = await irOf(
        specWith({ '/a': op('a', [{ basic: [] }, { openId: [] }, {}, { oauth: [] }, { storeKey: [], basic: [] }, { storeKey: [] }]), '/b': op('b', [{ storeKey: [] }]) }, schemes),
      );
      // OpenID Connect and OAuth both send `Authorization: Bearer`: one form, named after the first.
      // `{}` (no credentials needed) stays, as an empty alternative.
      expect(ir.operations[0]?.accepts).toEqual([['oauth'], [], ['storeKey']]);
      expect(ir.operations[0]?.requiresAuth).toBe(false);
      // No root security: an empty API-wide list, and each operation carries its own.
      expect(ir.security).toEqual([]);
      expect(ir.operations[0]?.security).toEqual([['oauth'], [], ['storeKey']]);
    });

    it('a one-credential API gets no lists at all, however its operations declare security', async () => {
      const one = await irOf(specWith({ '/a': op('a'), '/b': op('b', [{ oauth: [] }, { openId: [] }]), '/c': op('c', []) }, { ...schemes, security: [{ oauth: [] }] }));
      expect(one.security).toBeUndefined();
      expect(one.operations.map((o) => o.security)).toEqual([undefined, undefined, undefined]);
      // Config forms that are not the spec's own names still match by header and prefix.
      const named = await irOf(specWith({ '/a': op('a', [{ storeKey: [] }]), '/b': op('b') }, { ...schemes, security: [{ oauth: [] }] }), {
        auth: { default: 'token', headers: { token: { header: 'Authorization', prefix: 'Bearer ' }, key: { header: 'api_key', prefix: '' } } },
      });
      expect(named.security).toEqual([['token']]);
      expect(named.operations.map((o) => o.security)).toEqual([[['key']], undefined]);
    });

    it('one key that every operation takes in either of two forms is still one credential', async () => {
      const either = await irOf(specWith({ '/a': op('a'), '/b': op('b'), '/c': op('c', []) }, { ...schemes, security: [{ storeKey: [] }, { appKey: [] }] }));
      expect(either.operations[0]?.accepts).toEqual([['storeKey'], ['appKey']]);
      expect(either.security).toBeUndefined();
      // A pair sent together needs two keys, even if every operation takes the same pair.
      const pair = await irOf(specWith({ '/a': op('a'), '/b': op('b') }, { ...schemes, security: [{ appKey: [], appToken: [] }] }));
      expect(pair.security).toEqual([['appKey', 'appToken']]);
    });

    it('a parameter that is a key of a form the operation accepts is left to the client, others stay', async () => {
      const params = [
        { name: 'api_key', in: 'header', schema: { type: 'string' } },
        { name: 'token', in: 'query', schema: { type: 'string' } },
      ];
      const ir = await irOf(
        specWith(
          {
            '/store': { get: { operationId: 'store', security: [{ storeKey: [] }], parameters: params, ...ok() } },
            '/pets': { get: { operationId: 'pets', parameters: params, ...ok() } },
          },
          { ...schemes, security: [{ oauth: [] }] },
        ),
      );
      expect(ir.operations.map((o) => o.namedParams.map((p) => p.name))).toEqual([['token'], ['api_key', 'token']]);
      // The default form's parameter stays where the operation does not take that form: the
      // client sends the operation another key, so only the caller can set this one.
      const defaultQuery = await irOf(
        specWith({ '/c': { get: { operationId: 'c', security: [{ storeKey: [] }], parameters: params, ...ok() } }, '/d': op('d') }, { ...schemes, security: [{ appToken: [] }] }),
      );
      expect(defaultQuery.operations.map((o) => o.namedParams.map((p) => p.name))).toEqual([['token'], []]);
    });
  });

  it('maps config regions to spec servers by URL or description, and fails on an unknown one', async () => {
    const servers = { servers: [{ url: 'https://us.example.test/', description: 'US' }, { url: 'https://eu.example.test', description: 'EU' }] };
    const ir = await irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } } }, servers), { regions: { us: 'https://us.example.test', eu: 'EU' } });
    expect(ir.servers).toEqual([
      { name: 'us', url: 'https://us.example.test', description: 'US' },
      { name: 'eu', url: 'https://eu.example.test', description: 'EU' },
    ]);
    const failure = irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } } }, servers), { regions: { ap: 'https://ap.example.test' } });
    await expect(failure).rejects.toBeInstanceOf(GeneratorError);
    await expect(failure).rejects.toMatchObject({ pointer: '#/regions/ap' }); // in the config, where the mistake is
  });

  it('derives the package version and names from the spec when the config is silent', async () => {
    const ir = await irOf(specWith({ '/a': { get: { operationId: 'a', ...ok() } } }));
    expect([ir.packageName, ir.packageVersion, ir.clientClassName, ir.errorClassName]).toEqual(['test-client', '2.3.4', 'Test', 'TestError']);
  });
});

describe('IR: offset and page pagination styles', () => {
  const offsetPage = { type: 'object', properties: { results: { type: 'array', items: item }, count: { type: 'integer' } } };
  const spec = specWith({
    '/things': { get: { operationId: 'listThings', parameters: [{ name: 'offset', in: 'query', schema: { type: 'integer' } }, { name: 'limit', in: 'query', schema: { type: 'integer' } }], ...ok(offsetPage) } },
    '/repos': { get: { operationId: 'listRepos', parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'per_page', in: 'query', schema: { type: 'integer' } }], ...ok({ type: 'array', items: item }) } },
    '/plain': { get: { operationId: 'plain', ...ok({ type: 'array', items: item }) } },
  });
  const config = {
    pagination: [
      { name: 'offset', style: 'offset', offsetParam: 'offset', pageSizeParam: 'limit', items: 'results', total: 'count' },
      { name: 'page number', style: 'page', pageParam: 'page', pageSizeParam: 'per_page', items: '' },
    ],
  };

  it('detects each style from its position parameter and the items array (a bare array body too)', async () => {
    const ir = await irOf(spec, config);
    expect(ir.operations.map((o) => [o.operationId, o.paging?.constName ?? null, o.paging?.style ?? null])).toEqual([
      ['listThings', 'OFFSET_PAGING', 'offset'],
      ['listRepos', 'PAGE_NUMBER_PAGING', 'page'],
      ['plain', null, null],
    ]);
    expect(ir.operations[0]!.paging).toMatchObject({ positionParam: 'offset', itemsPath: ['results'], totalPath: ['count'] });
    expect(ir.operations[1]!.paging).toMatchObject({ positionParam: 'page', itemsPath: [], firstPage: 1 });
  });

  it('rejects a style without its position parameter, naming the config pointer', async () => {
    await expect(irOf(spec, { pagination: [{ style: 'offset', items: 'results' }] })).rejects.toMatchObject({ pointer: '#/pagination/0/offsetParam' });
    await expect(irOf(spec, { pagination: [{ style: 'keyset', items: 'x' }] })).rejects.toMatchObject({ pointer: '#/pagination/0/style' });
  });
});

describe('IR: the spec names its schemas first', () => {
  it('keeps schema names and moves generated names aside', async () => {
    const ir = await irOf(
      specWith({ '/v1/analytics': { get: { operationId: 'getAnalytics', ...ok() } }, '/health': { get: { operationId: 'health', ...ok() } } }, {
        components: { schemas: { Analytics: { type: 'object' }, HealthResponse: { type: 'object' } } },
      }),
    );
    expect(ir.schemaAliases.map((a) => a.name)).toEqual(['Analytics', 'HealthResponse']);
    expect(ir.resources.map((r) => r.className)).toEqual(['AnalyticsResource', 'Health']);
    expect(ir.operations.map((o) => o.typeName)).toEqual(['GetAnalytics', 'HealthOperation']);
  });
});

describe('IR: pagination styles detected from the spec alone', () => {
  const q = (name: string, type = 'integer') => ({ name, in: 'query', schema: { type } });
  const arrayOk = (headers?: unknown) => ({ responses: { '200': { description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema: { type: 'array', items: item } } } } } });
  const link = { Link: { schema: { type: 'string' } } };
  const spec = specWith({
    '/repos': { get: { operationId: 'githubStyle', parameters: [q('per_page'), q('page')], ...arrayOk(link) } },
    '/linkNoParams': { get: { operationId: 'linkWithoutListParams', ...arrayOk(link) } },
    '/charges': { get: { operationId: 'stripeStyle', parameters: [q('limit'), q('starting_after', 'string')], ...ok({ type: 'object', properties: { data: { type: 'array', items: item }, has_more: { type: 'boolean' } } }) } },
    '/hal': { get: { operationId: 'nextIsAUrl', parameters: [q('cursor', 'string')], ...ok({ type: 'object', properties: { items: { type: 'array', items: item }, next: { type: 'string' } } }) } },
    '/offset': { get: { operationId: 'offsetStyle', parameters: [q('offset'), q('limit')], ...ok({ type: 'object', properties: { results: { type: 'array', items: item }, meta: { type: 'object', properties: { total: { type: 'integer' } } } } }) } },
  });

  it('detects each style by its conventions, with typed position parameters', async () => {
    const ir = await irOf(spec);
    expect(ir.operations.map((o) => [o.operationId, o.paging?.style ?? null, o.paging?.positionParam ?? null])).toEqual([
      ['githubStyle', 'link', null],
      ['linkWithoutListParams', null, null],
      ['stripeStyle', 'cursor', 'starting_after'],
      ['nextIsAUrl', null, null],
      ['offsetStyle', 'offset', 'offset'],
    ]);
    expect(ir.operations[2]!.paging).toMatchObject({ itemsPath: ['data'], itemCursorPath: ['id'], hasMorePath: ['has_more'], pageSizeParam: 'limit' });
    expect(ir.operations[4]!.paging).toMatchObject({ itemsPath: ['results'], totalPath: ['meta', 'total'] });
    expect(ir.pagingStyles.map((p) => p.constName)).toEqual(['LINK_PAGING', 'CURSOR_PAGING', 'OFFSET_PAGING']);
  });

  it('detects nothing once the config lists its own styles', async () => {
    const ir = await irOf(spec, { pagination: [{ style: 'link', param: 'per_page', items: '' }] });
    expect(ir.operations.map((o) => o.paging?.constName ?? null)).toEqual(['LINK_PAGING', null, null, null, null]);
  });
});
