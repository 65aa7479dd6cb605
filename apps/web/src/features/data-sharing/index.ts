/**
 * Data sharing: the company's grants to partners, the access log, employees' disclosures, partner API keys.
 * The public face of the feature; other code imports only this file.
 */
export { useApiKeys } from "./api/api-keys";
export { EXPORT_PDF_URL, exportCsvUrl, useDataGrants } from "./api/data-grants";
export { useDisclosures } from "./api/disclosures";
export { AccessLogSection } from "./components/access-log-section";
export { ApiKeysTable } from "./components/api-keys-table";
export { CreateApiKeyModal } from "./components/create-api-key-modal";
export { DataAccessPrompt } from "./components/data-access-prompt";
export { DisclosuresTable } from "./components/disclosures-table";
export { GrantedDataSection } from "./components/granted-data-section";
export { canManageDataAccess, ManageDataAccessButton } from "./components/manage-data-access-button";
export { PartnerGrants } from "./components/partner-grants";
