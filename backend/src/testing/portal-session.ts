import type { FastifyInstance } from 'fastify';

/** A signed-in portal user as the browser holds it: the session cookie and the CSRF token. */
export interface PortalSession {
  cookie: string;
  csrf: string;
}

/** Signs in through `POST /api/auth/login` as the portal does; throws when it is refused. */
export async function signInPortal(app: FastifyInstance, email: string, password: string): Promise<PortalSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${res.statusCode}: ${res.body}`);
  const c = res.cookies.find((x) => x.name.endsWith('voz_session'));
  if (!c) throw new Error('no session cookie in the sign-in response');
  return { cookie: `${c.name}=${c.value}`, csrf: (res.json() as { csrf_token: string }).csrf_token };
}
