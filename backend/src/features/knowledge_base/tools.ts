import { z } from 'zod';
import type { FeatureTool } from '../types.js';
import type { KnowledgeBaseStore } from './store.js';

const Args = z.object({ query: z.string().trim().min(1).max(300) });
const NOT_FOUND = "I don't have that information. I can take a message for the team, or you can ask something else.";

export const searchKnowledgeBaseTool: FeatureTool<KnowledgeBaseStore> = {
  name: 'search_knowledge_base',
  description:
    "Searches the business's knowledge base (hours, address, parking, policies, allergens, delivery area…). " +
    'Answer only from the returned passages; if nothing is found, say you do not know.',
  timeoutMs: 3000,
  parameters: () => ({
    type: 'object',
    additionalProperties: false,
    properties: { query: { type: 'string', description: "The caller's question in a few words." } },
    required: ['query'],
  }),
  async handler(raw, ctx) {
    const args = Args.safeParse(raw);
    if (!args.success) return { ok: false, error: 'invalid_arguments', message: 'What would you like to know?' };
    const hits = await ctx.ports.store.search(ctx.tenant.id, args.data.query);
    if (hits.length === 0) return { ok: true, results: [], message: NOT_FOUND };
    return { ok: true, results: hits.map((h) => ({ title: h.title, heading: h.heading, text: h.text })) };
  },
};
