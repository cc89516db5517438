import { z } from 'zod';
import { errorBodySchema } from './common.ts';
import { type RouteDef, routes } from './routes.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parameters(def: RouteDef) {
  const out: Array<Record<string, unknown>> = [];
  for (const [where, schema] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

/** OpenAPI 3.1 generated from the route table and its zod schemas: the contract documents itself. */
export function buildOpenApiDocument(info: { title: string; version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, def] of Object.entries(routes) as Array<[string, RouteDef]>) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(def.successStatus ?? 200);
    const success = def.response
      ? {
          description: 'OK',
          content: { [def.produces ?? 'application/json']: { schema: jsonSchema(def.response, 'output') } },
        }
      : { description: 'OK', ...(def.produces ? { content: { [def.produces]: {} } } : {}) };
    const error = (description: string) => ({
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    paths[path] ??= {};
    paths[path][def.method.toLowerCase()] = {
      operationId: id,
      summary: def.summary,
      tags: [def.tag],
      'x-access': def.access,
      'x-api-key': def.apiKey,
      security: def.access === 'public' ? [] : def.apiKey ? [{ session: [] }, { apiKey: [] }] : [{ session: [] }],
      parameters: parameters(def),
      ...(def.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } },
          }
        : {}),
      responses: {
        [status]: success,
        '400': error('Invalid input: code validation_error, path names the field'),
        ...(def.access === 'public' ? {} : { '401': error('Not signed in'), '403': error('Role not allowed') }),
        ...(def.params ? { '404': error('Not found') } : {}),
        ...(id === 'createVerdict' || id === 'createCorrection'
          ? { '409': error('Stale version (details.claim is the claim as it stands), or a rejected claim') }
          : {}),
        ...(id === 'addClaim' ? { '409': error('The same span is already a claim of this kind') } : {}),
        ...(id === 'createUser' || id === 'updateUser'
          ? { '409': error('The email is taken, or the change would leave no active admin') }
          : {}),
        ...(def.body ? { '413': error('The request body is larger than 5 MB') } : {}),
        ...(id === 'login' ? { '429': error('Too many failed sign-in attempts: wait and try again') } : {}),
        ...(def.path.startsWith('/api/v1/') ? { '429': error('Rate limit of the consumer API reached') } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description:
        'claimdesk: reviewable claims from war reporting. Every error is { error: { code, message, path } }.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'claimdesk_session',
          description: 'Set by POST /api/session; writes also need the X-CSRF-Token header',
        },
        apiKey: { type: 'http', scheme: 'bearer', description: 'Read-only API key: Authorization: Bearer cd_...' },
      },
    },
  };
}
