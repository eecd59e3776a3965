export { ACCESS_CODE_DIGITS, isGuessable, randomAccessCode } from './access-code-digits.js';
export { issueAccessCode } from './access-code-issuer.js';
export { accessCodeAdminRoutes, accessCodeTenantRoutes } from './access-code-routes.js';
export type { AccessCodesPort, Actor as ProvisioningActor, CreateTenantOutcome, IsAdmin, StoredSettings, TenantDirectoryPort } from './ports.js';
export { settingsRoutes } from './settings-routes.js';
export { tenantAdminRoutes } from './tenant-admin-routes.js';
