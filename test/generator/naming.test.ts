import { describe, expect, it } from 'vitest';
import { camelCase, nameFromMethodAndPath, pascalCase, preserveCamel, propertyKey, safeIdentifier, uniqueName } from '../../generator/ir/naming.js';

describe('naming', () => {
  it.each([
    ['listSessions', 'listSessions'],
    ['ListSessions', 'listSessions'],
    ['get-user_sessions', 'getUserSessions'],
    ['repos/get-content', 'reposGetContent'],
    ['users.list', 'usersList'],
  ])('preserveCamel(%j) = %j', (input, expected) => {
    expect(preserveCamel(input)).toBe(expected);
  });

  it.each([
    ['user sessions', 'userSessions', 'UserSessions'],
    ['HTTPServer', 'httpServer', 'HttpServer'],
    ['x-api-key', 'xApiKey', 'XApiKey'],
  ])('camel/pascal of %j', (input, camel, pascal) => {
    expect(camelCase(input)).toBe(camel);
    expect(pascalCase(input)).toBe(pascal);
  });

  it.each([
    ['import', 'import_'],
    ['class', 'class_'],
    ['123abc', '_123abc'],
    ['a-b.c', 'abc'],
    ['', 'value'],
    ['$ok_1', '$ok_1'],
  ])('safeIdentifier(%j) = %j', (input, expected) => {
    expect(safeIdentifier(input)).toBe(expected);
  });

  it.each([
    ['get', '/v1/users/{userId}/sessions', 'getV1UsersByUserIdSessions'],
    ['post', '/items', 'postItems'],
    ['delete', '/', 'delete'],
  ])('nameFromMethodAndPath(%s %s) = %s', (method, path, expected) => {
    expect(nameFromMethodAndPath(method, path)).toBe(expected);
  });

  it('uniqueName numbers collisions and records the result', () => {
    const taken = new Set(['list']);
    expect(uniqueName('list', taken)).toBe('list2');
    expect(uniqueName('list', taken)).toBe('list3');
    expect(taken.has('list3')).toBe(true);
  });

  it('propertyKey quotes what is not an identifier', () => {
    expect(propertyKey('ok')).toBe('ok');
    expect(propertyKey('x-api-key')).toBe('"x-api-key"');
  });
});
