/** Collection and GridFS bucket names shared by every service, in one place. */
export const COLLECTIONS = {
  documents: 'documents',
  /** One record per document version: the unique key serialises state changes. */
  transitions: 'document_transitions',
  batches: 'batches',
  /** Uploads the gateway started, by blob id, until the sweep finds their document (or not). */
  uploads: 'uploads',
  texts: 'document_texts',
  tenants: 'tenants',
  apiKeys: 'api_keys',
  idempotencyKeys: 'idempotency_keys',
  /** Gateway: counters per (tenant or caller, time window): quotas and failed key checks. */
  usageCounters: 'usage_counters',
  deadLetters: 'dead_letters',
  /** Reviewed documents kept as labelled examples, per tenant (classifier training). */
  trainingExamples: 'training_examples',
  /**
   * Vendor layout memory per tenant: one lesson per reviewed document version, keyed
   * `${tenantId}:${documentId}:v${version}` (the gateway inserts it on review, the classifier reads it).
   */
  vendorLayouts: 'vendor_layouts',
  /** Classifier models per tenant, trained on top of the base model. */
  models: 'classifier_models',
  /** One record per (tenant, content SHA-256): the scanner's duplicate detection. */
  contentHashes: 'content_hashes',
  /** Structured rows of spreadsheets and CSV files, per document (the OCR stage). */
  extractedTables: 'extracted_tables',
  /** Canonical records (the publisher): invoices and credit notes. */
  invoices: 'invoices',
  /** Canonical records: receipts. */
  expenses: 'expenses',
  /** Canonical records: one row per bank-statement transaction. */
  bankTransactions: 'bank_transactions',
  /** Canonical records: contracts, payslips and other documents. */
  archive: 'archive',
  /** Every revision of a document's canonical records, keyed `${documentId}:${revision}`. */
  recordRevisions: 'record_revisions',
  /** Webhook endpoints per tenant (the gateway writes them, the publisher delivers to them). */
  webhooks: 'webhooks',
  /** The webhook delivery log: one row per (document, event, endpoint). */
  webhookDeliveries: 'webhook_deliveries',
  /** Scheduler: one record per job run (scheduled or on demand), keyed by run id. */
  jobRuns: 'job_runs',
  /** Scheduler: one lease per (job, firing time) `${job}@${iso}`, plus takeover markers. */
  jobLeases: 'job_leases',
  /** Scheduler: the next firing of each job as the scheduler computed it, keyed by job name. */
  jobSchedules: 'job_schedules',
  /** Scheduler: re-publishes of one stuck document version, keyed `${documentId}@v${version}`. */
  sweeps: 'document_sweeps',
  /** Retention: one record per purged document (claimed before its file and text are deleted). */
  purges: 'document_purges',
  /** Daily digests per tenant, keyed `${tenantId}:${date}`. */
  digests: 'digests',
} as const;

export const BUCKETS = {
  /** Uploaded originals. */
  blobs: 'blobs',
  /** Infected files: moved here by the scanner, never read by later stages. */
  quarantine: 'quarantine',
  /** Extracted text too large for one record. */
  texts: 'texts',
} as const;
