export const USAGE = `docflow: the docflow command line

Documents, through a running gateway (DOCFLOW_URL, default http://127.0.0.1:8080; DOCFLOW_API_KEY):
  docflow upload <file…> [--batch] [--wait] [--metadata JSON] [--idempotency-key K] [--timeout S]
      one file → one document; several files (or --batch) → one batch. --wait follows them until
      every document has settled, then prints each one's status, type, confidence, key fields.
  docflow status <documentId>           status, timeline, errors, result, records
  docflow batch <batchId> [--wait] [--timeout S]
                                        counts by status and stage, percent done, p50/p95

Dead letters (DOCFLOW_ADMIN_KEY, else ADMIN_API_KEY):
  docflow dlq list [--queue Q] [--limit N]    Q: a consumer (ocr) or one of its queues
  docflow dlq replay <id…> | --all [--queue Q]
  docflow dlq delete <id>

Tenants and API keys, directly in MongoDB (MONGODB_URL, MONGODB_DATABASE; else .data/infra.env):
  docflow tenants create <name> [--rate-limit N] [--retention-days N]
  docflow tenants list
  docflow keys create <tenantId> [--label TEXT]
  docflow keys list <tenantId>
  docflow keys revoke <keyId>
  A new key is printed once; only its hash is stored.

Every command takes --json (machine-readable output on stdout). Exit codes: 0 done (a document
that ended rejected or failed included), 1 failed (gateway unreachable, key refused, not found,
timed out), 2 usage or configuration. From a checkout: npm run docflow -- <command> …`;
