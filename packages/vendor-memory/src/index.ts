export {
  VENDOR_CONSTANT_FIELDS,
  VENDOR_ID_FIELDS,
  VENDOR_NAME_FIELDS,
  fieldAnchorSchema,
  vendorLayoutSchema,
  type FieldAnchor,
  type VendorLayout,
} from './vendor-layout';
export { learnLayout, MAX_LEARN_CHARS, type CorrectedValue } from './learn-layout';
export { vendorKeysOfFields, vendorKeysOfText, vendorNameOf } from './vendor-keys';
export {
  readWithLayout,
  type RecalledConstant,
  type RecalledFields,
  type RecalledValue,
} from './read-with-layout';
export { chooseLayout, namesVendor } from './choose-layout';
export {
  createVendorLayoutStore,
  vendorLayoutId,
  vendorLayoutIndexes,
  type VendorLayoutRecord,
  type VendorLayoutStore,
} from './vendor-layout-store';
