import type { Db } from 'mongodb';
import { GridFSBucket } from 'mongodb';
import type { TextRef } from '@docflow/contracts';
import { BUCKETS, COLLECTIONS } from './collections';
import { documentError } from './errors';

export interface TextPage {
  page: number;
  text: string;
}

export interface StoredText {
  tenantId: string;
  documentId: string;
  pages: TextPage[];
  /** A structured e-invoice's XML (an XML upload, or the XML a PDF embeds), kept with its text. */
  einvoiceXml?: string;
}

export interface TextStore {
  /** Stores a document's text (replacing an earlier run's), in a record or GridFS when large. */
  save(text: StoredText): Promise<TextRef>;
  load(ref: TextRef): Promise<StoredText>;
  remove(ref: TextRef): Promise<void>;
}

interface TextRecord extends StoredText {
  _id: string;
  totalChars: number;
  createdAt: Date;
}

/** Records above this size go to GridFS (a MongoDB document holds at most 16 MiB). */
const DEFAULT_INLINE_MAX_BYTES = 2 * 1024 * 1024;

export function createTextStore(db: Db, inlineMaxBytes = DEFAULT_INLINE_MAX_BYTES): TextStore {
  const records = db.collection<TextRecord>(COLLECTIONS.texts);
  const bucket = new GridFSBucket(db, { bucketName: BUCKETS.texts });

  const removeFile = async (id: string): Promise<void> => {
    try {
      await bucket.delete(id as never);
    } catch (err) {
      if (!/file ?not ?found/i.test((err as Error).message)) throw err;
    }
  };

  return {
    async save(text) {
      // the GridFS body: the pages, or pages and XML when there is an e-invoice
      const body = JSON.stringify(
        text.einvoiceXml === undefined
          ? text.pages
          : { pages: text.pages, einvoiceXml: text.einvoiceXml },
      );
      const id = text.documentId;
      if (Buffer.byteLength(body) <= inlineMaxBytes) {
        const totalChars = text.pages.reduce((sum, p) => sum + p.text.length, 0);
        await records.replaceOne(
          { _id: id },
          { ...text, totalChars, createdAt: new Date() },
          { upsert: true },
        );
        return { store: 'collection', id };
      }
      await removeFile(id);
      const upload = bucket.openUploadStreamWithId(id as never, `${id}.json`, {
        metadata: { tenantId: text.tenantId, documentId: text.documentId },
      });
      await new Promise<void>((resolve, reject) => {
        upload.once('finish', () => resolve());
        upload.once('error', reject);
        upload.end(Buffer.from(body));
      });
      return { store: 'gridfs', id };
    },

    async load(ref) {
      if (ref.store === 'collection') {
        const record = await records.findOne({ _id: ref.id });
        if (!record) throw documentError('TEXT_NOT_FOUND', `text ${ref.id} does not exist`);
        return {
          tenantId: record.tenantId,
          documentId: record.documentId,
          pages: record.pages,
          ...(record.einvoiceXml !== undefined ? { einvoiceXml: record.einvoiceXml } : {}),
        };
      }
      const files = await bucket.find({ _id: ref.id as never }, { limit: 1 }).toArray();
      const file = files[0];
      if (!file) throw documentError('TEXT_NOT_FOUND', `text ${ref.id} does not exist`);
      const chunks: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStream(ref.id as never))
        chunks.push(chunk as Buffer);
      const meta = (file.metadata ?? {}) as { tenantId?: string; documentId?: string };
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
        TextPage[] | { pages: TextPage[]; einvoiceXml: string };
      return {
        tenantId: meta.tenantId ?? '',
        documentId: meta.documentId ?? ref.id,
        ...(Array.isArray(body) ? { pages: body } : body),
      };
    },

    async remove(ref) {
      if (ref.store === 'collection') await records.deleteOne({ _id: ref.id });
      else await removeFile(ref.id);
    },
  };
}

/** The whole text of a document, pages separated by form feeds (as pdftotext does). */
export function joinPages(pages: readonly TextPage[]): string {
  return pages.map((p) => p.text).join('\f');
}
