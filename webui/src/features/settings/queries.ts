import {
  AccessCodeList,
  CatalogDocument,
  IssuedAccessCode,
  MenuDocument,
  NotificationSettings,
  TenantFeatureList,
  TenantSettings,
  type CatalogDocumentInput,
  type MenuDocumentInput,
  type NotificationSettingsInput,
  type TenantSettingsInput,
} from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantKey, tenantQuery } from '@/lib/query/tenant-query';
import { noneYetOn404 } from './starter-documents';

export const accessCodesKey = (tenantId: string) => tenantKey(tenantId, 'access-codes');

export const accessCodesQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['access-codes'], (api, signal) => api.get(tenantPath(tenantId, 'access-codes'), AccessCodeList, undefined, signal));

export const issueAccessCode = (api: ApiClient, tenantId: string, actorMode: 'owner' | 'client') =>
  api.send('POST', tenantPath(tenantId, 'access-codes'), { actor_mode: actorMode }, IssuedAccessCode);

export const revokeAccessCode = (api: ApiClient, tenantId: string, codeId: string) => api.send('DELETE', tenantPath(tenantId, 'access-codes', codeId), undefined, null);

export const notificationSettingsQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['notifications', 'settings'], (api, signal) => api.getVersioned(tenantPath(tenantId, 'notifications', 'settings'), NotificationSettings, signal));

/** Over the version read (`etag`): someone else's change since is a 412, not overwritten. */
export const saveNotificationSettings = (api: ApiClient, tenantId: string, body: NotificationSettingsInput, etag: string | null) =>
  api.putVersioned(tenantPath(tenantId, 'notifications', 'settings'), body, NotificationSettings, etag);

export const tenantSettingsKey = (tenantId: string) => tenantKey(tenantId, 'settings');
export const tenantSettingsQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['settings'], (api, signal) => api.getVersioned(tenantPath(tenantId, 'settings'), TenantSettings, signal));
/** Over the version read (`etag`): someone else's change since is a 412, not overwritten. */
export const saveTenantSettings = (api: ApiClient, tenantId: string, body: TenantSettingsInput, etag: string | null) => api.putVersioned(tenantPath(tenantId, 'settings'), body, TenantSettings, etag);

export const tenantFeaturesKey = (tenantId: string) => tenantKey(tenantId, 'features');
export const tenantFeaturesQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['features'], (api, signal) => api.get(tenantPath(tenantId, 'features'), TenantFeatureList, undefined, signal));

export const menuKey = (tenantId: string) => tenantKey(tenantId, 'menu');
/** Null until a first menu is saved. */
export const menuQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['menu'], (api, signal) => noneYetOn404(api.getVersioned(tenantPath(tenantId, 'menu'), MenuDocument, signal)));
/** Over the version read (`etag`): someone else's change since is a 412, not overwritten. */
export const saveMenu = (api: ApiClient, tenantId: string, body: MenuDocumentInput, etag: string | null) => api.putVersioned(tenantPath(tenantId, 'menu'), body, MenuDocument, etag);

export const catalogKey = (tenantId: string) => tenantKey(tenantId, 'catalog');
/** Null until a first list of services and staff is saved. */
export const catalogQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['catalog'], (api, signal) => noneYetOn404(api.getVersioned(tenantPath(tenantId, 'catalog'), CatalogDocument, signal)));
/** Over the version read (`etag`): someone else's change since is a 412, not overwritten. */
export const saveCatalog = (api: ApiClient, tenantId: string, body: CatalogDocumentInput, etag: string | null) => api.putVersioned(tenantPath(tenantId, 'catalog'), body, CatalogDocument, etag);
