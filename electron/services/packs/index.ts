// The Word packs (Node only: main process or CLI, never the renderer).
export { buildFirmPack } from './firmPack';
export { sha256Hex } from './render';
export { buildStaffPack } from './staffPack';
export { buildSupplierPack } from './supplierPack';
export {
  DEFAULT_PACK_OPTIONS,
  type FirmPackInput,
  type FirmTemplate,
  type PackInput,
  type PackOptions,
  type ReadEvidence,
  type Recipient,
  type StaffPackInput,
  type SupplierPackInput,
} from './types';
