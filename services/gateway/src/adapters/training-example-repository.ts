import type { Db } from 'mongodb';
import type { DocType, Extraction } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';

/** A reviewed document as a labelled example for its tenant's classifier. */
export interface TrainingExample {
  tenantId: string;
  documentId: string;
  docType: DocType;
  fields: Extraction['fields'];
  tables: NonNullable<Extraction['tables']>;
  /** The extracted text; null once retention purged it. */
  text: string | null;
  language: string | null;
  reviewedBy: string | null;
  createdAt: Date;
}

export interface TrainingExampleRepository {
  /** Keeps an example under its id (one per document version: a second review replaces it). */
  keep(id: string, example: TrainingExample): Promise<void>;
}

export function createTrainingExampleRepository(db: Db): TrainingExampleRepository {
  const examples = db.collection<TrainingExample & { _id: string }>(COLLECTIONS.trainingExamples);
  return {
    async keep(id, example) {
      await examples.replaceOne({ _id: id }, example, { upsert: true });
    },
  };
}
