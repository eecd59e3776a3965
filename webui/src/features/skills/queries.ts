import { Skill, SkillList, SkillRunResult, type SaveSkillRequest } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { tenantKey, tenantQuery } from '@/lib/query/tenant-query';

export const skillsKey = (tenantId: string) => tenantKey(tenantId, 'skills');

export const skillsQuery = (api: ApiClient, tenantId: string) =>
  tenantQuery(api, tenantId, ['skills'], (api, signal) => api.get(tenantPath(tenantId, 'skills'), SkillList, undefined, signal));

export const createSkill = (api: ApiClient, tenantId: string, body: SaveSkillRequest) => api.send('POST', tenantPath(tenantId, 'skills'), body, Skill);
export const updateSkill = (api: ApiClient, tenantId: string, id: string, body: SaveSkillRequest) => api.send('PUT', tenantPath(tenantId, 'skills', id), body, Skill);
export const deleteSkill = (api: ApiClient, tenantId: string, id: string) => api.send('DELETE', tenantPath(tenantId, 'skills', id), undefined, null);
export const runSkill = (api: ApiClient, tenantId: string, id: string) => api.send('POST', tenantPath(tenantId, 'skills', id, 'run'), {}, SkillRunResult);
