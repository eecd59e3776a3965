import { AskResult, type AskRequest } from '@vozlia/contract';
import { tenantPath, type ApiClient } from '@/lib/api/api-client';
import { ApiError } from '@/lib/api/api-error';

/** `POST ask`. A 502 still carries an audited `ok:false` result: shown as the answer, not thrown. */
export async function ask(api: ApiClient, tenantId: string, body: AskRequest): Promise<AskResult> {
  try {
    return await api.send('POST', tenantPath(tenantId, 'ask'), body, AskResult);
  } catch (err) {
    if (err instanceof ApiError && err.status === 502) {
      return { ok: false, reason: 'error', error: err.message, fallback: 'The assistant could not work out that question right now.', audit_id: '', answer: err.message, question: body.question, spec: null, sql: null, params: null };
    }
    throw err;
  }
}
