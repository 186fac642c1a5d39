import type { DocType } from '@docflow/contracts';

/** One labelled synthetic document: its text and the fields a perfect extractor would return. */
export interface GeneratedDoc {
  id: string;
  docType: DocType;
  lang: 'en' | 'es';
  country: string;
  layout: string;
  noise: string;
  text: string;
  fields: Record<string, string | number>;
  tables?: Record<string, Record<string, string | number>[]>;
}
