export { ArchiveError, archiveErrorCodes, type ArchiveProblem } from './archive-error';
export {
  archiveLimitSetting,
  archiveLimitSettings,
  archiveLimitsFromConfig,
  DEFAULT_ARCHIVE_LIMITS,
  RATIO_FLOOR_BYTES,
  type ArchiveLimits,
} from './archive-limits';
export { readXlsx, type Sheet } from './xlsx-reader';
export { decodeXml, xmlAttribute, xmlTokens, type XmlToken } from './xml-tokens';
export { openZip, type ZipArchive } from './zip-reader';
