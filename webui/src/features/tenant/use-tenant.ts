'use client';
import { useQuery } from '@tanstack/react-query';
import type { PortalArea, Role, TenantProfile } from '@vozlia/contract';
import { useApi } from '@/lib/api/api-context';
import { sessionQuery } from '@/features/session/queries';
import { profileQuery } from './queries';

export interface TenantContext {
  tenantId: string;
  role: Role;
  email: string;
  profile: TenantProfile | undefined;
  /** The tenant's IANA zone (the browser's until the profile arrives). */
  zone: string;
  /** Owner-only areas are hidden from staff; feature areas follow the profile. */
  can(area: PortalArea | 'owner'): boolean;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The signed-in user's tenant. Only used under the shell, which renders after the session. */
export function useTenant(): TenantContext {
  const api = useApi();
  const session = useQuery(sessionQuery(api)).data;
  if (!session) throw new Error('useTenant before the session is known');
  const { tenant_id: tenantId, role, email } = session.user;
  const profileState = useQuery(profileQuery(api, tenantId));
  const profile = profileState.data;
  return {
    tenantId,
    role,
    email,
    profile,
    zone: profile?.time_zone ?? browserZone(),
    can(area) {
      if (area === 'owner') return role === 'owner';
      if ((area === 'analytics' || area === 'knowledge_base') && role !== 'owner') return false;
      // Feature areas wait for the profile (no flash of a page the business does not have); if it
      // cannot be read, the API still decides, so show the area rather than hide it.
      if (profile) return profile.areas.includes(area);
      return profileState.isError;
    },
  };
}
