import type { DetectedType } from '@docflow/contracts';
import { sniffText } from './sniff-text';

/** The real kind of a file, from its bytes only: allowed types carry their contract name. */
export type Detection =
  | { allowed: true; type: DetectedType; mime: string }
  | { allowed: false; detected: string; mime: string };

const MIME: Record<DetectedType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  webp: 'image/webp',
  text: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xml: 'application/xml',
};

const allow = (type: DetectedType): Detection => ({ allowed: true, type, mime: MIME[type] });
const refuse = (detected: string, mime = 'application/octet-stream'): Detection => ({
  allowed: false,
  detected,
  mime,
});

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

/** Binary signatures checked before anything else; the first match wins. */
const signatures: readonly { magic: number[]; offset?: number; detect: () => Detection }[] = [
  { magic: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], detect: () => allow('png') },
  { magic: [0xff, 0xd8, 0xff], detect: () => allow('jpeg') },
  { magic: ascii('II*\0'), detect: () => allow('tiff') },
  { magic: ascii('MM\0*'), detect: () => allow('tiff') },
  { magic: ascii('II+\0'), detect: () => allow('tiff') },
  { magic: ascii('MM\0+'), detect: () => allow('tiff') },
  { magic: ascii('GIF8'), detect: () => refuse('gif', 'image/gif') },
  { magic: ascii('MZ'), detect: () => refuse('exe', 'application/x-msdownload') },
  { magic: [0x7f, ...ascii('ELF')], detect: () => refuse('elf', 'application/x-executable') },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], detect: () => refuse('mach-o', 'application/x-mach-binary') },
  { magic: [0xca, 0xfe, 0xba, 0xbe], detect: () => refuse('mach-o', 'application/x-mach-binary') },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], detect: () => refuse('ole') },
  { magic: [0x1f, 0x8b], detect: () => refuse('gzip', 'application/gzip') },
  { magic: ascii('7z'), detect: () => refuse('7z', 'application/x-7z-compressed') },
  { magic: ascii('Rar!'), detect: () => refuse('rar', 'application/vnd.rar') },
  { magic: [0x00, 0x61, 0x73, 0x6d], detect: () => refuse('wasm', 'application/wasm') },
];

/** Detects the file type from magic bytes (never from a name or a declared MIME type). */
export function detectType(bytes: Buffer): Detection {
  if (isPdf(bytes)) return allow('pdf');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return allow('webp');
  if (startsWith(bytes, ascii('PK\x03\x04'))) return detectZip(bytes);
  for (const signature of signatures)
    if (startsWith(bytes, signature.magic, signature.offset)) return signature.detect();
  const text = sniffText(bytes);
  if (text === 'markup') return refuse('markup', 'text/html');
  if (text === 'csv' || text === 'text' || text === 'xml') return allow(text);
  return refuse('unknown');
}

/** PDF readers accept the header within the first 1024 bytes. */
function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') >= 0;
}

/**
 * A ZIP is an XLSX or a DOCX when its entries name the workbook or the document part; other ZIPs
 * are refused by kind.
 */
function detectZip(bytes: Buffer): Detection {
  const head = bytes.subarray(0, Math.min(bytes.length, 256 * 1024)).toString('latin1');
  const all = bytes.length > 256 * 1024 ? bytes.toString('latin1') : head;
  const has = (name: string): boolean => all.includes(name);
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return allow('xlsx');
  if (has('[Content_Types].xml') && has('word/document.xml')) return allow('docx');
  if (has('ppt/presentation.xml')) return refuse('pptx');
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) return refuse('opendocument');
  return refuse('zip', 'application/zip');
}
