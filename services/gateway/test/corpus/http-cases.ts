import { BOUNDARY, PDF, field, file, multipartBody, upload, type Part } from './multipart';
import type { RawRequest } from './raw-http';

/** What the corpus needs to know about the gateway it runs against. */
export interface CorpusContext {
  /** The tenant every refused request is made for. */
  key: string;
  revokedKey: string;
  adminKey: string;
  /** A document of another tenant. */
  documentId: string;
  limits: { maxUploadBytes: number; maxMetadataBytes: number; maxFiles: number };
}

/** The edge of the API a case pokes at. */
export type Edge =
  'auth' | 'upload' | 'json' | 'query' | 'cursor' | 'id' | 'route' | 'protocol' | 'idempotency';

/** One malformed request and the refusal it must get: a 4xx with `{ error, message }`. */
export interface RefusalCase {
  edge: Edge;
  what: string;
  status: number;
  error: string;
  request: (c: CorpusContext) => RawRequest;
  /** Sent first and expected to be accepted (e.g. the first use of an Idempotency-Key). */
  before?: (c: CorpusContext) => RawRequest;
}

type Build = (c: CorpusContext) => RawRequest;
type Row = [
  edge: Edge,
  what: string,
  status: number,
  error: string,
  request: Build,
  before?: Build,
];

const UUID = '7f0c1a9e-3b5d-4c2e-9a61-0d8e4b7f2c13';
type Header = [string, string | Buffer];
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const nested = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const bearer = (key: string): Header => ['authorization', `Bearer ${key}`];
const get = (path: string, key?: string, headers: Header[] = []): RawRequest => ({
  method: 'GET',
  path,
  headers: [...(key ? [bearer(key)] : []), ...headers],
});
const send = (method: string, path: string, key: string): RawRequest => ({
  method,
  path,
  headers: [bearer(key)],
});
const withAuth = (value: string | Buffer): RawRequest =>
  get('/v1/documents', undefined, [['authorization', value]]);
const json = (method: string, path: string, key: string, body: string): RawRequest => ({
  method,
  path,
  headers: [bearer(key), ['content-type', 'application/json']],
  body,
});
const webhook = (c: CorpusContext, body: string) => json('POST', '/v1/webhooks', c.key, body);
const review = (c: CorpusContext, body: string) =>
  json('POST', `/v1/documents/${UUID}/review`, c.key, body);
const idem = (value: string | Buffer): Header => ['idempotency-key', value];
const framed = (c: CorpusContext, headers: Header[], extra: Partial<RawRequest> = {}) => ({
  ...upload(c.key, [file('a.pdf')]),
  headers: [
    bearer(c.key),
    ['content-type', `multipart/form-data; boundary=${BOUNDARY}`],
    ...headers,
  ] as Header[],
  ...extra,
});
const other = Buffer.concat([PDF, Buffer.from('%other\n')]);
/** Keys a client might send hoping they reach the stored record: refused like any unknown key. */
const extra = { _id: 'chosen-id', tenantId: 'someone-else', createdAt: '1970-01-01T00:00:00Z' };

/** Every malformed request the gateway must refuse cleanly; one row per case. */
// prettier-ignore
const rows: Row[] = [
  // authentication, in every shape
  ['auth', 'no key at all', 401, 'UNAUTHORIZED', () => get('/v1/documents')],
  ['auth', '"Bearer" with no key', 401, 'UNAUTHORIZED', () => withAuth('Bearer')],
  ['auth', '"Bearer" and only spaces', 401, 'UNAUTHORIZED', () => withAuth('Bearer    ')],
  ['auth', 'a key with a space inside', 401, 'UNAUTHORIZED', (c) => withAuth(`Bearer ${c.key.slice(0, 10)} ${c.key.slice(10)}`)],
  ['auth', 'a key followed by another word', 401, 'UNAUTHORIZED', (c) => withAuth(`Bearer ${c.key} extra`)],
  ['auth', 'the wrong scheme (Token)', 401, 'UNAUTHORIZED', (c) => withAuth(`Token ${c.key}`)],
  ['auth', 'Basic credentials', 401, 'UNAUTHORIZED', (c) => withAuth(`Basic ${Buffer.from(`${c.key}:`).toString('base64')}`)],
  ['auth', 'a bare key without scheme', 401, 'UNAUTHORIZED', (c) => withAuth(c.key)],
  ['auth', 'a key with its last character changed', 401, 'UNAUTHORIZED', (c) => withAuth(`Bearer ${c.key.slice(0, -1)}${c.key.endsWith('a') ? 'b' : 'a'}`)],
  ['auth', 'an 8 KB key', 401, 'UNAUTHORIZED', () => withAuth(`Bearer dfk_${'a'.repeat(8192)}`)],
  ['auth', 'a key with non-ASCII bytes', 401, 'UNAUTHORIZED', (c) => withAuth(Buffer.concat([Buffer.from(`Bearer ${c.key}`), Buffer.from([0xe9, 0xff])]))],
  ['auth', 'an empty X-API-Key', 401, 'UNAUTHORIZED', () => get('/v1/documents', undefined, [['x-api-key', '']])],
  ['auth', 'a wrong Authorization beside a valid X-API-Key', 401, 'UNAUTHORIZED', (c) => get('/v1/documents', undefined, [['authorization', 'Bearer nope'], ['x-api-key', c.key]])],
  ['auth', 'a revoked key', 401, 'UNAUTHORIZED', (c) => get('/v1/documents', c.revokedKey)],
  ['auth', 'the admin key on a tenant route', 403, 'FORBIDDEN', (c) => get('/v1/documents', c.adminKey)],
  ['auth', 'a tenant key on an admin route', 401, 'UNAUTHORIZED', (c) => get('/v1/tenants', c.key)],
  ['auth', "another tenant's document", 404, 'DOCUMENT_NOT_FOUND', (c) => get(`/v1/documents/${c.documentId}`, c.key)],
  ['auth', "another tenant's file", 404, 'DOCUMENT_NOT_FOUND', (c) => get(`/v1/documents/${c.documentId}/file`, c.key)],
  ['auth', "cancelling another tenant's document", 404, 'DOCUMENT_NOT_FOUND', (c) => json('POST', `/v1/documents/${c.documentId}/cancel`, c.key, '{}')],
  ['auth', "live events of another tenant's document", 404, 'DOCUMENT_NOT_FOUND', (c) => get(`/v1/events?documentId=${c.documentId}`, c.key)],

  // multipart uploads
  ['upload', 'multipart without a boundary', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { contentType: 'multipart/form-data' })],
  ['upload', 'a boundary that is not the one in the body', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { contentType: 'multipart/form-data; boundary=other-boundary' })],
  ['upload', 'a boundary longer than the parser allows', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { boundary: 'b'.repeat(300), contentType: `multipart/form-data; boundary=${'b'.repeat(300)}` })],
  ['upload', 'a body cut before its closing boundary', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { close: false })],
  ['upload', 'a body cut in the middle of a file', 400, 'MULTIPART_INVALID', (c) => ({ ...upload(c.key, []), body: multipartBody([file('a.pdf')]).subarray(0, 120) })],
  ['upload', 'an empty multipart body', 400, 'NO_FILE', (c) => ({ ...upload(c.key, []), body: '' })],
  ['upload', 'only the closing boundary', 400, 'NO_FILE', (c) => upload(c.key, [])],
  ['upload', 'a file part with no filename', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [{ name: 'file', content: PDF, type: 'application/pdf' }])],
  ['upload', 'a part with no name in its Content-Disposition', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [{ name: 'file', disposition: 'form-data', content: PDF }])],
  ['upload', 'a file part with no name but a filename', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [{ name: 'file', disposition: 'form-data; filename="a.pdf"', content: PDF }])],
  ['upload', 'a field named __proto__', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [field('__proto__', '{}'), file('a.pdf')])],
  ['upload', 'only metadata', 400, 'NO_FILE', (c) => upload(c.key, [field('metadata', '{}')])],
  ['upload', 'two metadata fields', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', '{"a":1}'), field('metadata', '{"a":2}'), file('a.pdf')])],
  ['upload', 'metadata that is not JSON', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', '{oops'), file('a.pdf')])],
  ['upload', 'metadata that is a JSON array', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', '[1,2]'), file('a.pdf')])],
  ['upload', 'metadata that is JSON null', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', 'null'), file('a.pdf')])],
  ['upload', 'metadata over the size limit', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', JSON.stringify({ x: 'y'.repeat(c.limits.maxMetadataBytes) })), file('a.pdf')])],
  ['upload', 'metadata nested 150 levels deep', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', nested(150)), file('a.pdf')])],
  ['upload', 'metadata with a __proto__ key', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', '{"__proto__":{"admin":true}}'), file('a.pdf')])],
  ['upload', 'metadata with a constructor.prototype key', 400, 'INVALID_METADATA', (c) => upload(c.key, [field('metadata', '{"constructor":{"prototype":{"admin":true}}}'), file('a.pdf')])],
  ['upload', 'invalid metadata after a good file', 400, 'INVALID_METADATA', (c) => upload(c.key, [file('a.pdf'), field('metadata', '{oops')])],
  ['upload', 'an empty file', 400, 'FILE_EMPTY', (c) => upload(c.key, [file('a.pdf', '')])],
  ['upload', 'a file over the size limit', 413, 'FILE_TOO_LARGE', (c) => upload(c.key, [file('big.pdf', Buffer.alloc(c.limits.maxUploadBytes + 1, 1))])],
  ['upload', 'a good file, then one over the size limit', 413, 'FILE_TOO_LARGE', (c) => upload(c.key, [file('a.pdf'), file('big.pdf', Buffer.alloc(c.limits.maxUploadBytes * 2, 1))])],
  ['upload', 'more files than allowed', 413, 'TOO_MANY_FILES', (c) => upload(c.key, Array.from({ length: c.limits.maxFiles + 1 }, (_, i) => file(`f${i}.pdf`)))],
  ['upload', 'an unknown field', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [file('a.pdf'), field('color', 'red')])],
  ['upload', 'a file in an unknown field', 400, 'UNKNOWN_FIELD', (c) => upload(c.key, [{ name: 'attachment', filename: 'a.pdf', content: PDF }])],
  ['upload', 'a declared file type longer than any media type', 400, 'VALIDATION_FAILED', (c) => upload(c.key, [file('a.pdf', PDF, `application/${'x'.repeat(300)}`)])],
  ['upload', 'a JSON Content-Type over a multipart body', 400, 'VALIDATION_FAILED', (c) => upload(c.key, [file('a.pdf')], { contentType: 'application/json' })],
  ['upload', 'a text/plain Content-Type', 415, 'NOT_MULTIPART', (c) => upload(c.key, [file('a.pdf')], { contentType: 'text/plain' })],
  ['upload', 'a urlencoded Content-Type', 415, 'NOT_MULTIPART', (c) => upload(c.key, [file('a.pdf')], { contentType: 'application/x-www-form-urlencoded' })],
  ['upload', 'a JSON body', 415, 'NOT_MULTIPART', (c) => json('POST', '/v1/documents', c.key, '{"file":"x"}')],
  ['upload', 'a batch with no file', 400, 'NO_FILE', (c) => upload(c.key, [field('metadata', '{}')], { path: '/v1/batches' })],
  ['upload', 'a batch whose only file is empty', 400, 'FILE_EMPTY', (c) => upload(c.key, [file('a.pdf', '')], { path: '/v1/batches' })],
  ['upload', 'a batch with a malformed body', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { path: '/v1/batches', close: false })],

  // JSON bodies
  ['json', 'a body that is not JSON', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":')],
  ['json', 'an empty JSON body', 400, 'VALIDATION_FAILED', (c) => webhook(c, '')],
  ['json', 'JSON null', 400, 'VALIDATION_FAILED', (c) => webhook(c, 'null')],
  ['json', 'a JSON array', 400, 'VALIDATION_FAILED', (c) => webhook(c, '[]')],
  ['json', 'a JSON string', 400, 'VALIDATION_FAILED', (c) => webhook(c, '"https://example.com"')],
  ['json', 'a number where a string belongs', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":123}')],
  ['json', 'a string where an array belongs', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":"https://example.com/h","events":"published"}')],
  ['json', 'a URL with credentials', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":"https://u:p@example.com/h"}')],
  ['json', 'a file: URL', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":"file:///etc/passwd"}')],
  ['json', 'a __proto__ key', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":"https://example.com/h","__proto__":{"admin":true}}')],
  ['json', 'a constructor.prototype key', 400, 'VALIDATION_FAILED', (c) => webhook(c, '{"url":"https://example.com/h","constructor":{"prototype":{"admin":true}}}')],
  ['json', 'a body over 1 MiB', 413, 'FILE_TOO_LARGE', (c) => webhook(c, JSON.stringify({ url: 'https://example.com/h', description: 'x'.repeat(1_100_000) }))],
  ['json', 'a JSON body without Content-Type', 415, 'NOT_MULTIPART', (c) => ({ ...webhook(c, '{"url":"https://example.com/h"}'), headers: [bearer(c.key)] })],
  ['json', 'a review with an unknown document type', 400, 'VALIDATION_FAILED', (c) => review(c, '{"docType":"spaceship"}')],
  ['json', 'a review with an empty field name', 400, 'VALIDATION_FAILED', (c) => review(c, '{"docType":"invoice","fields":{"":1}}')],
  ['json', 'a review field that is an operator object', 400, 'VALIDATION_FAILED', (c) => review(c, '{"docType":"invoice","fields":{"total":{"$gt":0}}}')],
  ['json', 'a cancel reason of the wrong type', 400, 'VALIDATION_FAILED', (c) => json('POST', `/v1/documents/${UUID}/cancel`, c.key, '{"reason":5}')],
  ['json', 'a cancel reason of 10 000 characters', 400, 'VALIDATION_FAILED', (c) => json('POST', `/v1/documents/${UUID}/cancel`, c.key, JSON.stringify({ reason: 'x'.repeat(10_000) }))],
  ['json', 'a tenant with an empty name', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/tenants', c.adminKey, '{"name":""}')],
  ['json', 'a tenant rate limit that is a string', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/tenants', c.adminKey, '{"name":"x","rateLimit":"5"}')],
  ['json', 'a tenant rate limit of 1e309 (Infinity)', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/tenants', c.adminKey, '{"name":"x","rateLimit":1e309}')],
  ['json', 'a webhook change with nothing to change', 400, 'VALIDATION_FAILED', (c) => json('PATCH', `/v1/webhooks/${UUID}`, c.key, '{}')],
  ['json', 'job parameters that are an array', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/jobs/stuck-documents/runs', c.adminKey, '[]')],
  ['json', 'a webhook with an id, a tenant and a date of its own', 400, 'VALIDATION_FAILED', (c) => webhook(c, JSON.stringify({ url: 'https://example.com/h', ...extra, id: 'chosen-id' }))],
  ['json', 'a tenant with an id, keys and a date of its own', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/tenants', c.adminKey, JSON.stringify({ name: 'Extra Ltd', ...extra, id: 'chosen-id', apiKey: { key: 'dfk_mine' } }))],

  // query parameters
  ['query', 'a status given twice (an array)', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?status=received&status=failed', c.key)],
  ['query', 'an unknown status', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?status=bogus', c.key)],
  ['query', 'a status that is an operator object', 400, 'VALIDATION_FAILED', (c) => get(`/v1/documents?status=${encodeURIComponent('{"$ne":"x"}')}`, c.key)],
  ['query', 'a negative limit', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=-1', c.key)],
  ['query', 'a zero limit', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=0', c.key)],
  ['query', 'a huge limit', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=1000000000', c.key)],
  ['query', 'a fractional limit', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=1.5', c.key)],
  ['query', 'a limit that is not a number', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=ten', c.key)],
  ['query', 'a limit given twice', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?limit=1&limit=2', c.key)],
  ['query', 'a batchId that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?batchId=1', c.key)],
  ['query', 'a date that is not a date', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?createdFrom=yesterday', c.key)],
  ['query', 'records of an unknown kind', 400, 'VALIDATION_FAILED', (c) => get('/v1/records/secrets', c.key)],
  ['query', 'records with a limit over 500', 400, 'VALIDATION_FAILED', (c) => get('/v1/records/invoices?limit=501', c.key)],
  ['query', 'records with a lowercase currency', 400, 'VALIDATION_FAILED', (c) => get('/v1/records/invoices?currency=eur', c.key)],
  ['query', 'live events for an id that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/events?documentId=x', c.key)],
  ['query', 'dead letters of an unknown stage', 400, 'VALIDATION_FAILED', (c) => get('/v1/dead-letters?stage=nope', c.adminKey)],
  ['query', 'an operator in bracket form', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?status[$ne]=x', c.key)],
  ['query', 'an operator in encoded bracket form', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?status%5B%24ne%5D=x', c.key)],
  ['query', 'a $where parameter', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?$where=sleep(1000)', c.key)],
  ['query', "a filter on another tenant's id", 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?tenantId=someone-else', c.key)],
  ['query', 'a __proto__ parameter', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?__proto__[admin]=1', c.key)],
  ['query', 'a constructor.prototype parameter', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents?constructor[prototype][admin]=1', c.key)],

  // cursors that are not ours
  ['cursor', 'a cursor that is garbage', 400, 'INVALID_CURSOR', (c) => get('/v1/documents?cursor=garbage', c.key)],
  ['cursor', 'a cursor that is base64 of text', 400, 'INVALID_CURSOR', (c) => get(`/v1/documents?cursor=${b64('hello')}`, c.key)],
  ['cursor', 'a cursor that is base64 of null', 400, 'INVALID_CURSOR', (c) => get(`/v1/documents?cursor=${b64('null')}`, c.key)],
  ['cursor', 'a cursor with an operator as id', 400, 'INVALID_CURSOR', (c) => get(`/v1/documents?cursor=${b64({ c: '2024-01-01T00:00:00.000Z', i: { $gt: '' } })}`, c.key)],
  ['cursor', 'a cursor with an operator as date', 400, 'INVALID_CURSOR', (c) => get(`/v1/documents?cursor=${b64({ c: { $gt: 0 }, i: 'x' })}`, c.key)],
  ['cursor', 'a cursor over 512 characters', 400, 'VALIDATION_FAILED', (c) => get(`/v1/documents?cursor=${'A'.repeat(600)}`, c.key)],
  ['cursor', 'a records cursor that is garbage', 400, 'INVALID_CURSOR', (c) => get('/v1/records/invoices?cursor=%7B%7D', c.key)],

  // ids
  ['id', 'a document id that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents/not-a-uuid', c.key)],
  ['id', 'a document id that is an ObjectId', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents/65a1f0c2e4b0a1b2c3d4e5f6', c.key)],
  ['id', 'a document id of 90 characters', 400, 'VALIDATION_FAILED', (c) => get(`/v1/documents/${'a'.repeat(90)}`, c.key)],
  ['id', 'a document id of 5 000 characters', 414, 'URI_TOO_LONG', (c) => get(`/v1/documents/${'a'.repeat(5000)}`, c.key)],
  ['id', 'a document id with a NUL byte', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents/%00', c.key)],
  ['id', 'a document id that is an encoded path traversal', 400, 'VALIDATION_FAILED', (c) => get('/v1/documents/..%2F..%2Fetc%2Fpasswd', c.key)],
  ['id', 'a document id with broken percent-encoding', 400, 'BAD_REQUEST', (c) => get('/v1/documents/%E0%A4%A', c.key)],
  ['id', 'an unknown document', 404, 'DOCUMENT_NOT_FOUND', (c) => get(`/v1/documents/${UUID}`, c.key)],
  ['id', 'the text of an unknown document', 404, 'DOCUMENT_NOT_FOUND', (c) => get(`/v1/documents/${UUID}/text`, c.key)],
  ['id', 'retrying an unknown document', 404, 'DOCUMENT_NOT_FOUND', (c) => send('POST', `/v1/documents/${UUID}/retry`, c.key)],
  ['id', 'a batch id that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/batches/1', c.key)],
  ['id', 'an unknown batch', 404, 'BATCH_NOT_FOUND', (c) => get(`/v1/batches/${UUID}`, c.key)],
  ['id', 'a webhook id that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/webhooks/1', c.key)],
  ['id', 'an unknown webhook', 404, 'NOT_FOUND', (c) => get(`/v1/webhooks/${UUID}`, c.key)],
  ['id', 'a dead-letter id that is not hex', 400, 'VALIDATION_FAILED', (c) => send('POST', '/v1/dead-letters/xyz/replay', c.adminKey)],
  ['id', 'an unknown dead letter', 404, 'DEAD_LETTER_NOT_FOUND', (c) => send('DELETE', `/v1/dead-letters/${'a'.repeat(32)}`, c.adminKey)],
  ['id', 'a key id that is not hex', 400, 'VALIDATION_FAILED', (c) => send('DELETE', '/v1/keys/zzz', c.adminKey)],
  ['id', 'a tenant id of 65 characters', 400, 'VALIDATION_FAILED', (c) => get(`/v1/tenants/${'t'.repeat(65)}/keys`, c.adminKey)],
  ['id', 'a tenant id that looks like an operator', 404, 'TENANT_NOT_FOUND', (c) => get(`/v1/tenants/${encodeURIComponent('{"$ne":null}')}/keys`, c.adminKey)],
  ['id', 'an unknown job', 400, 'VALIDATION_FAILED', (c) => json('POST', '/v1/jobs/rm-rf/runs', c.adminKey, '{}')],
  ['id', 'a job run id that is not a UUID', 400, 'VALIDATION_FAILED', (c) => get('/v1/jobs/runs/1', c.adminKey)],

  // unknown routes and methods
  ['route', 'an unknown route', 404, 'NOT_FOUND', (c) => get('/v1/nope', c.key)],
  ['route', 'an unversioned route', 404, 'NOT_FOUND', (c) => get('/documents', c.key)],
  ['route', 'a dotted path traversal', 404, 'NOT_FOUND', (c) => get('/v1/documents/../../etc/passwd', c.key)],
  ['route', 'DELETE on the document list', 404, 'NOT_FOUND', (c) => send('DELETE', '/v1/documents', c.key)],
  ['route', 'PUT on a document', 404, 'NOT_FOUND', (c) => json('PUT', `/v1/documents/${UUID}`, c.key, '{}')],
  ['route', 'PATCH on batches', 404, 'NOT_FOUND', (c) => json('PATCH', '/v1/batches', c.key, '{}')],
  ['route', 'OPTIONS (CORS is off)', 404, 'NOT_FOUND', () => ({ method: 'OPTIONS', path: '/v1/documents' })],
  ['route', 'a WebDAV method', 404, 'NOT_FOUND', (c) => send('PROPFIND', '/v1/documents', c.key)],
  ['route', 'a method that does not exist', 400, 'BAD_REQUEST', () => ({ method: 'FROB', path: '/v1/documents' })],

  // the HTTP protocol itself
  ['protocol', 'a 20 KB header', 431, 'HEADERS_TOO_LARGE', (c) => get('/v1/documents', c.key, [['x-junk', 'j'.repeat(20_000)]])],
  ['protocol', 'a control character in a header value', 400, 'BAD_REQUEST', (c) => get('/v1/documents', c.key, [['x-junk', Buffer.from([0x61, 0x01, 0x62])]])],
  ['protocol', 'a space in a header name', 400, 'BAD_REQUEST', (c) => get('/v1/documents', c.key, [['x junk', '1']])],
  ['protocol', 'a Content-Length that is not a number', 400, 'BAD_REQUEST', (c) => framed(c, [['content-length', 'abc']], { contentLength: null })],
  ['protocol', 'both Content-Length and chunked encoding', 400, 'BAD_REQUEST', (c) => framed(c, [['transfer-encoding', 'chunked']])],
  ['protocol', 'a chunk size that is not hex', 400, 'BAD_REQUEST', (c) => framed(c, [['transfer-encoding', 'chunked']], { contentLength: null, body: 'zz\r\nabc\r\n0\r\n\r\n' })],
  ['protocol', 'two different Content-Lengths', 400, 'BAD_REQUEST', (c) => framed(c, [['content-length', '3']])],

  // idempotency keys
  ['idempotency', 'an Idempotency-Key of 256 characters', 400, 'INVALID_IDEMPOTENCY_KEY', (c) => upload(c.key, [file('a.pdf')], { headers: [idem('k'.repeat(256))] })],
  ['idempotency', 'an empty Idempotency-Key', 400, 'INVALID_IDEMPOTENCY_KEY', (c) => upload(c.key, [file('a.pdf')], { headers: [idem('')] })],
  ['idempotency', 'an Idempotency-Key with a space', 400, 'INVALID_IDEMPOTENCY_KEY', (c) => upload(c.key, [file('a.pdf')], { headers: [idem('two words')] })],
  ['idempotency', 'an Idempotency-Key with non-ASCII bytes', 400, 'INVALID_IDEMPOTENCY_KEY', (c) => upload(c.key, [file('a.pdf')], { headers: [idem(Buffer.from([0x6b, 0xe9]))] })],
  ['idempotency', 'an Idempotency-Key reused with another file', 422, 'IDEMPOTENCY_KEY_REUSED', (c) => upload(c.key, [file('a.pdf', other)], { headers: [idem('reused-1')] }), (c) => upload(c.key, [file('a.pdf')], { headers: [idem('reused-1')] })],
  ['idempotency', 'an Idempotency-Key reused with another filename', 422, 'IDEMPOTENCY_KEY_REUSED', (c) => upload(c.key, [file('b.pdf')], { headers: [idem('reused-2')] }), (c) => upload(c.key, [file('a.pdf')], { headers: [idem('reused-2')] })],
  ['idempotency', 'an Idempotency-Key reused with other metadata', 422, 'IDEMPOTENCY_KEY_REUSED', (c) => upload(c.key, [field('metadata', '{"ref":2}'), file('a.pdf')], { headers: [idem('reused-3')] }), (c) => upload(c.key, [field('metadata', '{"ref":1}'), file('a.pdf')], { headers: [idem('reused-3')] })],
  ['idempotency', 'an Idempotency-Key reused with one more file', 422, 'IDEMPOTENCY_KEY_REUSED', (c) => upload(c.key, [file('a.pdf'), file('b.pdf')], { headers: [idem('reused-4')] }), (c) => upload(c.key, [file('a.pdf')], { headers: [idem('reused-4')] })],
  ['idempotency', 'an Idempotency-Key reused with a malformed body', 400, 'MULTIPART_INVALID', (c) => upload(c.key, [file('a.pdf')], { headers: [idem('reused-5')], close: false }), (c) => upload(c.key, [file('a.pdf')], { headers: [idem('reused-5')] })],
  ['idempotency', 'an Idempotency-Key of a batch reused for another batch', 422, 'IDEMPOTENCY_KEY_REUSED', (c) => upload(c.key, [file('a.pdf', other)], { path: '/v1/batches', headers: [idem('reused-6')] }), (c) => upload(c.key, [file('a.pdf')], { path: '/v1/batches', headers: [idem('reused-6')] })],
];

export const refusals: RefusalCase[] = rows.map(([edge, what, status, error, request, before]) => ({
  edge,
  what,
  status,
  error,
  request,
  ...(before ? { before } : {}),
}));

/** An odd but harmless upload: accepted, with the filename reduced to something safe. */
export interface NeutralisedUpload {
  what: string;
  parts: Part[];
  /** The filename the document must be stored under. */
  filename: string | RegExp;
}

const rfc5987 = `form-data; name="file"; filename*=UTF-8''%F0%9F%93%84%20a.pdf`;
const invalidUtf8 = Buffer.concat([
  Buffer.from('fa'),
  Buffer.from([0xff, 0xfe, 0xc3]),
  Buffer.from('.pdf'),
]);

// prettier-ignore
export const neutralisedUploads: NeutralisedUpload[] = [
  { what: 'a path-traversal filename', parts: [file('../../etc/passwd')], filename: 'passwd' },
  { what: 'a Windows path-traversal filename', parts: [file('..\\..\\windows\\win.ini')], filename: 'win.ini' },
  { what: 'an absolute filename', parts: [file('/etc/shadow')], filename: 'shadow' },
  { what: 'a filename that is only a slash', parts: [file('/')], filename: 'upload' },
  { what: 'an empty filename', parts: [file('')], filename: 'upload' },
  { what: 'a filename with control characters', parts: [file('in\x01voi\x7fce\x1b.pdf')], filename: 'invoice.pdf' },
  { what: 'a filename with invalid UTF-8', parts: [file(invalidUtf8)], filename: /^fa.{1,6}\.pdf$/ },
  { what: 'a filename of 5 000 characters', parts: [file(`${'n'.repeat(5000)}.pdf`)], filename: 'n'.repeat(255) },
  { what: 'a filename in RFC 5987 form', parts: [{ name: 'file', disposition: rfc5987, content: PDF }], filename: '\u{1F4C4} a.pdf' },
  { what: 'a declared type that lies about the bytes', parts: [file('photo.png', PDF, 'image/png')], filename: 'photo.png' },
];
