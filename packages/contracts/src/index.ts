export * from './common.ts';
export * from './claims.ts';
export * from './correction-events.ts';
export * from './corrections.ts';
export * from './articles.ts';
export * from './auth.ts';
export * from './consumer.ts';
export * from './routes.ts';
export { buildOpenApiDocument } from './openapi.ts';
