import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { authFromSpec } from '../../generator/auth-from-spec.js';
import { resolveConfig } from '../../generator/config.js';
import { detectConvention, idStyle } from '../../generator/ir/conventions.js';
import { buildIR } from '../../generator/ir/build.js';
import type { ApiIR } from '../../generator/ir/types.js';
import { GITHUB_SPEC } from '../corpus/corpus.js';
import { irOf, json, specWith } from '../helpers/ir.js';
import { loadedOnce } from '../helpers/shared-generation.js';

/**
 * Issue #18 item 1: resource and method names follow each API's own operationId convention
 * (docs/naming.md). Each table is `METHOD /path`, the spec's operationId, `resource.method`.
 */
const MODULES = join(import.meta.dirname, '..', '..', 'node_modules');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'naming');
const PETSTORE = join(MODULES, '@readme', 'oas-examples', '3.0', 'json', 'petstore.json');
const FIGMA = join(MODULES, '@figma', 'rest-api-spec', 'openapi', 'openapi.yaml');

/**
 * Builds the IR of a spec file with an empty config, through the real loader (no emit, no
 * prettier). The load is shared with other test files of the run (GitHub's takes seconds).
 */
async function irOfFile(file: string): Promise<ApiIR> {
  const loaded = await loadedOnce(file);
  const title = String((loaded.document.info as { title: string }).title);
  const config = resolveConfig({ data: {} }, { title, authHeaders: authFromSpec(loaded.document).headers });
  return buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config });
}

const table = (ir: ApiIR): Map<string, [string, string]> =>
  new Map(ir.operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, [op.operationId, `${op.resource}.${op.resourceMethod}`]]));

/** The rows of `expected` as the IR has them, so a failure shows the whole table side by side. */
function rows(ir: ApiIR, expected: [string, string, string][]): [string, string, string][] {
  const named = table(ir);
  return expected.map(([key]) => [key, ...(named.get(key) ?? ['(missing)', '(missing)'])]);
}

describe('operationId styles', () => {
  it.each([
    ['pulls/list', 'get', 'namespaced'],
    ['repos/list-commits', 'get', 'namespaced'],
    ['users.list', 'get', 'namespaced'],
    ['Users_List', 'get', 'tagOperation'],
    ['VirtualMachines_CreateOrUpdate', 'put', 'tagOperation'],
    ['GetCustomers', 'get', 'httpVerbPascal'],
    ['PostCustomersCustomer', 'post', 'httpVerbPascal'],
    ['list_users', 'get', 'verbNoun'],
    ['get-repo', 'get', 'verbNoun'],
    ['listSessions', 'get', 'camel'],
    ['getPetById', 'get', 'camel'],
    ['health', 'get', undefined],
    ['GetCustomers', 'post', undefined],
  ] as const)('%s (%s) is %s', (id, method, style) => {
    expect(idStyle(id, method)).toBe(style);
  });

  const ops = (ids: string[]) => ids.map((id) => ({ id, method: 'get' as const }));

  it('takes the style of two thirds of the ids, and none below that', () => {
    expect(detectConvention(ops(['pulls/list', 'pulls/get', 'issues/create', 'listThings']))).toBe('namespaced');
    expect(detectConvention(ops(['pulls/list', 'pulls/get', 'listThings', 'getThing']))).toBeUndefined();
    // Single words and ids without an operationId fit every style, so they do not count.
    expect(detectConvention([...ops(['health', 'ping', 'listSessions']), { id: undefined, method: 'get' }])).toBe('camel');
  });

  it('is not flipped by one added operation of another style', () => {
    const github = ['pulls/list', 'pulls/get', 'pulls/create', 'issues/list', 'issues/get', 'issues/create'];
    expect(detectConvention(ops(github))).toBe('namespaced');
    expect(detectConvention(ops([...github, 'listThings']))).toBe('namespaced');
    const camel = ['listSessions', 'getSession', 'listUsers', 'getUsage', 'getStats'];
    expect(detectConvention(ops([...camel, 'users/list']))).toBe('camel');
  });
});

describe('GitHub: tag/verb operationIds name resource and method (as @octokit/rest does)', () => {
  let ir: ApiIR;
  beforeAll(async () => {
    ir = await irOfFile(GITHUB_SPEC);
  }, 120_000);

  it('names 28 representative operations from their ids', () => {
    const expected: [string, string, string][] = [
      ['GET /', 'meta/root', 'meta.root'],
      ['GET /advisories', 'security-advisories/list-global-advisories', 'securityAdvisories.listGlobalAdvisories'],
      ['GET /app', 'apps/get-authenticated', 'apps.getAuthenticated'],
      // The id repeats its resource (`list-classrooms`): the verb alone says it.
      ['GET /classrooms', 'classroom/list-classrooms', 'classroom.list'],
      ['GET /gists', 'gists/list', 'gists.list'],
      ['POST /orgs/{org}/campaigns', 'campaigns/create-campaign', 'campaigns.create'],
      ['GET /orgs/{org}/members', 'orgs/list-members', 'orgs.listMembers'],
      ['GET /orgs/{org}/repos', 'repos/list-for-org', 'repos.listForOrg'],
      ['POST /orgs/{org}/repos', 'repos/create-in-org', 'repos.createInOrg'],
      ['GET /orgs/{org}/teams', 'teams/list', 'teams.list'],
      ['GET /rate_limit', 'rate-limit/get', 'rateLimit.get'],
      ['GET /repos/{owner}/{repo}', 'repos/get', 'repos.get'],
      ['GET /repos/{owner}/{repo}/actions/runs', 'actions/list-workflow-runs-for-repo', 'actions.listWorkflowRunsForRepo'],
      ['POST /repos/{owner}/{repo}/check-runs', 'checks/create', 'checks.create'],
      ['GET /repos/{owner}/{repo}/commits', 'repos/list-commits', 'repos.listCommits'],
      ['GET /repos/{owner}/{repo}/contents/{path}', 'repos/get-content', 'repos.getContent'],
      ['POST /repos/{owner}/{repo}/git/refs', 'git/create-ref', 'git.createRef'],
      ['GET /repos/{owner}/{repo}/issues', 'issues/list-for-repo', 'issues.listForRepo'],
      ['POST /repos/{owner}/{repo}/issues', 'issues/create', 'issues.create'],
      ['GET /repos/{owner}/{repo}/issues/{issue_number}', 'issues/get', 'issues.get'],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'issues/create-comment', 'issues.createComment'],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/reactions', 'reactions/create-for-issue', 'reactions.createForIssue'],
      ['GET /repos/{owner}/{repo}/pulls', 'pulls/list', 'pulls.list'],
      ['POST /repos/{owner}/{repo}/pulls', 'pulls/create', 'pulls.create'],
      ['GET /repos/{owner}/{repo}/pulls/{pull_number}', 'pulls/get', 'pulls.get'],
      ['PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', 'pulls/merge', 'pulls.merge'],
      ['GET /search/code', 'search/code', 'search.code'],
      ['GET /user', 'users/get-authenticated', 'users.getAuthenticated'],
    ];
    expect(rows(ir, expected)).toEqual(expected);
  });

  it('gives every operation its id: no numbered or function-name fallbacks, no resource repeated as a method', () => {
    const odd = ir.operations.filter((op) => {
      const [resource, method] = op.operationId.split('/') as [string, string];
      const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      return op.resource !== camel(resource) || (op.resourceMethod !== camel(method) && !method.startsWith(op.resourceMethod)) || op.resourceMethod === op.resource;
    });
    expect(odd.map((op) => `${op.operationId} → ${op.resource}.${op.resourceMethod}`)).toEqual([]);
  });
});

describe('camelCase ids (Petstore, Figma): resources from the path, methods from one vocabulary', () => {
  it('Petstore', async () => {
    const expected: [string, string, string][] = [
      ['PUT /pet', 'updatePet', 'pet.update'],
      ['POST /pet', 'addPet', 'pet.create'],
      ['GET /pet/findByStatus', 'findPetsByStatus', 'pet.findByStatus'],
      ['GET /pet/findByTags', 'findPetsByTags', 'pet.findByTags'],
      ['GET /pet/{petId}', 'getPetById', 'pet.get'],
      // Both update a pet: the one whose id says more keeps its own words.
      ['POST /pet/{petId}', 'updatePetWithForm', 'pet.updateWithForm'],
      ['DELETE /pet/{petId}', 'deletePet', 'pet.delete'],
      ['POST /pet/{petId}/uploadImage', 'uploadFile', 'pet.uploadImage'],
      ['GET /store/inventory', 'getInventory', 'store.inventory'],
      ['POST /store/order', 'placeOrder', 'store.createOrder'],
      ['GET /store/order/{orderId}', 'getOrderById', 'store.getOrder'],
      ['DELETE /store/order/{orderId}', 'deleteOrder', 'store.deleteOrder'],
      ['POST /user', 'createUser', 'user.create'],
      ['POST /user/createWithArray', 'createUsersWithArrayInput', 'user.createWithArray'],
      ['POST /user/createWithList', 'createUsersWithListInput', 'user.createWithList'],
      ['GET /user/login', 'loginUser', 'user.login'],
      ['GET /user/logout', 'logoutUser', 'user.logout'],
      ['GET /user/{username}', 'getUserByName', 'user.get'],
      ['PUT /user/{username}', 'updateUser', 'user.update'],
      ['DELETE /user/{username}', 'deleteUser', 'user.delete'],
    ];
    expect(rows(await irOfFile(PETSTORE), expected)).toEqual(expected);
  });

  it('Figma', async () => {
    const expected: [string, string, string][] = [
      ['GET /v1/files/{file_key}', 'getFile', 'files.get'],
      ['GET /v1/files/{file_key}/nodes', 'getFileNodes', 'files.nodes'],
      ['GET /v1/files/{file_key}/comments', 'getComments', 'files.comments'],
      ['POST /v1/files/{file_key}/comments', 'postComment', 'files.createComment'],
      ['DELETE /v1/files/{file_key}/comments/{comment_id}', 'deleteComment', 'files.deleteComment'],
      ['GET /v1/files/{file_key}/comments/{comment_id}/reactions', 'getCommentReactions', 'files.commentReactions'],
      ['POST /v1/files/{file_key}/comments/{comment_id}/reactions', 'postCommentReaction', 'files.createCommentReaction'],
      ['POST /v1/files/{file_key}/variables', 'postVariables', 'files.createVariables'],
      ['GET /v2/teams/{team_id}/folders', 'getTeamFolders', 'teams.folders'],
      // The resource's own collection inside one of its items: not folders.folders.
      ['GET /v2/folders/{folder_id}/folders', 'getFolderFolders', 'folders.list'],
      ['GET /v2/folders/{folder_id}/files', 'getFolderFiles', 'folders.files'],
      ['GET /v1/me', 'getMe', 'me.get'],
      ['GET /v1/components/{key}', 'getComponent', 'components.get'],
      // Not webhooks.getWebhooks beside create(): a body of `webhooks: [...]` is a list.
      ['GET /v2/webhooks', 'getWebhooks', 'webhooks.list'],
      ['POST /v2/webhooks', 'postWebhook', 'webhooks.create'],
      ['GET /v2/webhooks/{webhook_id}', 'getWebhook', 'webhooks.get'],
      ['PUT /v2/webhooks/{webhook_id}', 'putWebhook', 'webhooks.replace'],
      ['DELETE /v2/webhooks/{webhook_id}', 'deleteWebhook', 'webhooks.delete'],
      ['GET /v2/webhooks/{webhook_id}/requests', 'getWebhookRequests', 'webhooks.requests'],
      ['GET /v1/activity_logs', 'getActivityLogs', 'activityLogs.list'],
      // POSTed, but its id reads, and its body holds the items: not developerLogs.create.
      ['POST /v1/developer_logs', 'getDeveloperLogs', 'developerLogs.list'],
      // Its body holds one payment record, no list.
      ['GET /v1/payments', 'getPayments', 'payments.get'],
      ['POST /v1/dev_resources', 'postDevResources', 'devResources.create'],
      ['PUT /v1/dev_resources', 'putDevResources', 'devResources.replace'],
      ['GET /v1/analytics/libraries/{file_key}/component/actions', 'getLibraryAnalyticsComponentActions', 'analytics.libraryComponentActions'],
    ];
    expect(rows(await irOfFile(FIGMA), expected)).toEqual(expected);
  });
});

describe('fixtures for the other styles', () => {
  it('HTTP-verb-prefixed PascalCase (Stripe style): named from the path, POST to an item updates it', async () => {
    const expected: [string, string, string][] = [
      ['GET /v1/customers', 'GetCustomers', 'customers.list'],
      ['POST /v1/customers', 'PostCustomers', 'customers.create'],
      ['GET /v1/customers/search', 'GetCustomersSearch', 'customers.search'],
      ['GET /v1/customers/{customer}', 'GetCustomersCustomer', 'customers.get'],
      ['POST /v1/customers/{customer}', 'PostCustomersCustomer', 'customers.update'],
      ['DELETE /v1/customers/{customer}', 'DeleteCustomersCustomer', 'customers.delete'],
      ['GET /v1/customers/{customer}/sources', 'GetCustomersCustomerSources', 'customers.sources'],
      ['POST /v1/customers/{customer}/sources', 'PostCustomersCustomerSources', 'customers.createSource'],
      ['GET /v1/customers/{customer}/sources/{id}', 'GetCustomersCustomerSourcesId', 'customers.getSource'],
      ['POST /v1/customers/{customer}/sources/{id}', 'PostCustomersCustomerSourcesId', 'customers.updateSource'],
      ['DELETE /v1/customers/{customer}/sources/{id}', 'DeleteCustomersCustomerSourcesId', 'customers.deleteSource'],
      ['GET /v1/charges', 'GetCharges', 'charges.list'],
      ['POST /v1/charges', 'PostCharges', 'charges.create'],
      ['GET /v1/charges/{charge}', 'GetChargesCharge', 'charges.get'],
      ['POST /v1/charges/{charge}', 'PostChargesCharge', 'charges.update'],
      ['POST /v1/charges/{charge}/capture', 'PostChargesChargeCapture', 'charges.capture'],
      ['GET /v1/balance', 'GetBalance', 'balance.get'],
    ];
    expect(rows(await irOfFile(join(FIXTURES, 'stripe-style.json')), expected)).toEqual(expected);
  });

  it('Tag_Operation (Azure style): the id names resource and method', async () => {
    const expected: [string, string, string][] = [
      ['GET /users', 'Users_List', 'users.list'],
      ['POST /users', 'Users_Create', 'users.create'],
      ['GET /users/{userId}', 'Users_Get', 'users.get'],
      ['PATCH /users/{userId}', 'Users_Update', 'users.update'],
      ['DELETE /users/{userId}', 'Users_Delete', 'users.delete'],
      ['GET /users/{userId}/memberOf', 'Users_ListGroups', 'users.listGroups'],
      ['POST /groups/{groupId}/members', 'Groups_AddMember', 'groups.addMember'],
      ['PUT /virtualMachines/{vmName}', 'VirtualMachines_CreateOrUpdate', 'virtualMachines.createOrUpdate'],
      ['POST /virtualMachines/{vmName}/restart', 'VirtualMachines_Restart', 'virtualMachines.restart'],
      ['GET /virtualMachines', 'VirtualMachines_ListAll', 'virtualMachines.listAll'],
    ];
    expect(rows(await irOfFile(join(FIXTURES, 'tag-operation.json')), expected)).toEqual(expected);
  });

  it("verb_noun: the id's verb in the vocabulary, the resource from the path", async () => {
    const expected: [string, string, string][] = [
      ['GET /users', 'list_users', 'users.list'],
      ['POST /users', 'create_user', 'users.create'],
      ['GET /users/{username}', 'get_user', 'users.get'],
      ['PATCH /users/{username}', 'update_user', 'users.update'],
      ['DELETE /users/{username}', 'remove_user', 'users.delete'],
      ['GET /users/{username}/repos', 'list_user_repos', 'users.repos'],
      ['POST /users/{username}/archive', 'archive_user', 'users.archive'],
      ['POST /teams/{team}/members', 'add_team_member', 'teams.createMember'],
      ['DELETE /teams/{team}/members/{username}', 'remove_team_member', 'teams.deleteMember'],
      ['GET /search/code', 'search_code', 'search.code'],
      ['GET /repos/{owner}/{repo}', 'get-repo', 'repos.get'],
    ];
    expect(rows(await irOfFile(join(FIXTURES, 'verb-noun.json')), expected)).toEqual(expected);
  });

  it('an id that reads its resource in the plural lists it when the body says nothing against that', async () => {
    const slug = [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }];
    const ir = await irOf(
      specWith({
        '/categories': { get: { operationId: 'getCategories', responses: { '200': { description: 'ok' } } } },
        '/categories/{slug}': { get: { operationId: 'getCategory', parameters: slug, responses: { '200': { description: 'ok' } } } },
        '/custompages': { get: { operationId: 'getCustomPages', responses: { '200': { description: 'ok' } } } },
        '/payments': { get: { operationId: 'getPayments', responses: { '200': json({ type: 'object', properties: { status: { type: 'string' } } }) } } },
      }),
    );
    expect(ir.operations.map((op) => `${op.resource}.${op.resourceMethod}`)).toEqual(['categories.list', 'categories.get', 'custompages.list', 'payments.get']);
  });

  it('tag.verb ids, like tag/verb', async () => {
    const ok = { responses: { '200': json({ type: 'object' }) } };
    const ir = await irOf(specWith({ '/a': { get: { operationId: 'users.list', ...ok } }, '/b': { post: { operationId: 'users.create-invite', ...ok } }, '/c': { get: { operationId: 'teams.get', ...ok } } }));
    expect(ir.operations.map((op) => `${op.resource}.${op.resourceMethod}`)).toEqual(['users.list', 'users.createInvite', 'teams.get']);
  });
});

describe('naming is a function of each operation and the convention', () => {
  it('adding an operation in another style renames nothing in Petstore or Figma, even without the names lock', async () => {
    for (const [file, extra] of [
      [PETSTORE, { '/pet/zzz/{id}': { get: { operationId: 'pet/fetch-zzz', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object' }) } } } }],
      [FIGMA, { '/v1/zzz': { post: { operationId: 'Zzz_Create', responses: { '200': json({ type: 'object' }) } } } }],
    ] as const) {
      const text = await readFile(file, 'utf8');
      const document = (file.endsWith('.yaml') ? parseYaml(text) : JSON.parse(text)) as { paths: Record<string, unknown> };
      const before = table(await irOf(document as Record<string, unknown>));
      const after = table(await irOf({ ...document, paths: { ...document.paths, ...extra } }));
      const changed = [...before].filter(([key, names]) => after.get(key)?.[1] !== names[1]);
      expect(changed, file).toEqual([]);
    }
  });
});

describe('class, package and environment variable names from a cleaned title', () => {
  const names = (title: string, data: unknown = {}) => {
    const c = resolveConfig({ data }, { title });
    return [c.client.className, c.package.name, c.apiKey.envVars[0]];
  };

  it.each([
    ["GitHub's official OpenAPI spec + Octokit extension", 'GitHub', 'github-client', 'GITHUB_API_KEY'],
    ['Swagger Petstore', 'SwaggerPetstore', 'swagger-petstore-client', 'SWAGGER_PETSTORE_API_KEY'],
    ['Figma API', 'Figma', 'figma-client', 'FIGMA_API_KEY'],
    ['Microsoft Graph (beta)', 'MicrosoftGraph', 'microsoft-graph-client', 'MICROSOFT_GRAPH_API_KEY'],
    ["Partners' Official REST API v2", 'Partners', 'partners-client', 'PARTNERS_API_KEY'],
    ['API', 'Api', 'api-client', 'API_API_KEY'],
  ])('%j → %s, %s, %s', (title, className, pkg, env) => {
    expect(names(title)).toEqual([className, pkg, env]);
  });

  it('the config overrides each of them', () => {
    expect(names("GitHub's official OpenAPI spec", { client: { className: 'Octokit' }, package: { name: '@me/gh' }, apiKey: { envVars: ['GITHUB_TOKEN'] } })).toEqual(['Octokit', '@me/gh', 'GITHUB_TOKEN']);
    // A configured class name still prefixes the default variable, split at its capitals.
    expect(names('Anything', { client: { className: 'NotAi' } })[2]).toBe('NOT_AI_API_KEY');
  });
});
