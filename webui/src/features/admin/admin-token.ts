'use client';
import { useCallback, useSyncExternalStore } from 'react';

/** The admin's bearer token lives in this tab's sessionStorage only: gone when the tab closes. */
const KEY = 'vozlia.admin-token';
const listeners = new Set<() => void>();

const read = () => sessionStorage.getItem(KEY);
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** `undefined` while rendering on the server (static export), then the token or null. */
export function useAdminToken() {
  const token = useSyncExternalStore(subscribe, read, () => undefined);
  const set = useCallback((value: string | null) => {
    if (value === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, value);
    listeners.forEach((fn) => fn());
  }, []);
  return [token, set] as const;
}
