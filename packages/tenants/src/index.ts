export { hashKey, issueKey, keyIdOf, sameSecret, type IssuedKey } from './api-keys';
export {
  createTenantRepository,
  tenantIndexes,
  type ApiKeyRecord,
  type KeyView,
  type Tenant,
  type TenantRepository,
} from './tenant-repository';
