import OpenAI from 'openai';
import type { Catalog } from '../../analytics/catalog.js';
import { QUERY_TOOL_DESCRIPTION, QUERY_TOOL_NAME, queryToolParameters } from '../../analytics/tool-schema.js';

export const ASK_TIMEOUT_MS = 20_000;

export type AskSpecResult = { ok: true; spec: unknown } | { ok: false; error: string };

export interface AskInput {
  question: string;
  catalog: Catalog;
  timeZone: string;
  now: Date;
}

export interface TextModelConfig {
  apiKey?: string;
  baseUrl: string;
  textModel: string;
}

/**
 * Asks the text model for a QuerySpec by forced function calling (strict schema with the
 * tenant's catalog as enums). The model only writes the spec; the figures come from the database.
 */
export async function askForSpec(cfg: TextModelConfig, input: AskInput, signal?: AbortSignal): Promise<AskSpecResult> {
  if (!cfg.apiKey) return { ok: false, error: 'the text model is not configured (OPENAI_API_KEY)' };
  const client = new OpenAI({ apiKey: cfg.apiKey, baseURL: cfg.baseUrl, timeout: ASK_TIMEOUT_MS, maxRetries: 1 });
  const completion = await client.chat.completions.create(
    {
      model: cfg.textModel,
      messages: [
        {
          role: 'system',
          content:
            'You turn a business owner\'s question into one call of query_business_metrics. ' +
            `Now is ${input.now.toISOString()}; the business time zone is ${input.timeZone}. ` +
            'Prefer presets for relative periods. Amounts are in cents.',
        },
        { role: 'user', content: input.question },
      ],
      tools: [
        {
          type: 'function',
          function: { name: QUERY_TOOL_NAME, description: QUERY_TOOL_DESCRIPTION, parameters: queryToolParameters(input.catalog), strict: true },
        },
      ],
      tool_choice: { type: 'function', function: { name: QUERY_TOOL_NAME } },
    },
    { signal },
  );
  const call = completion.choices[0]?.message.tool_calls?.find((c) => c.type === 'function' && c.function.name === QUERY_TOOL_NAME);
  if (!call || call.type !== 'function') return { ok: false, error: 'the model did not produce a query' };
  try {
    return { ok: true, spec: JSON.parse(call.function.arguments) as unknown };
  } catch {
    return { ok: false, error: 'the model produced malformed arguments' };
  }
}
