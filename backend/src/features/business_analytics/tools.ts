import { z } from 'zod';
import { failureResult } from '../../analytics/result.js';
import { QUERY_TOOL_DESCRIPTION, QUERY_TOOL_NAME, queryToolParameters } from '../../analytics/tool-schema.js';
import type { FeatureTool, ToolCallContext } from '../types.js';

export const RUN_SKILL_TOOL_NAME = 'run_saved_skill';
const TOOL_TIMEOUT_MS = 8_000;

const source = (ctx: ToolCallContext) => ctx.source;

export const queryBusinessMetricsTool: FeatureTool = {
  name: QUERY_TOOL_NAME,
  description: QUERY_TOOL_DESCRIPTION,
  async parameters(_tenant, ports) {
    return queryToolParameters(await ports.analytics.catalog.current());
  },
  async handler(args, ctx) {
    return ctx.ports.analytics.run({
      tenantId: ctx.tenant.id,
      timeZone: ctx.tenant.timeZone,
      actorMode: ctx.actorMode,
      source: source(ctx),
      callSid: ctx.callSid ?? null,
      question: ctx.utterance ?? null,
      spec: args,
    });
  },
  timeoutMs: TOOL_TIMEOUT_MS,
};

const RunSkillArgs = z.object({ name: z.string().min(1).max(80) });

export const runSavedSkillTool: FeatureTool = {
  name: RUN_SKILL_TOOL_NAME,
  description: "Runs one of the owner's saved reports by its name and returns the figures. Say the result's answer.",
  async parameters(tenant, ports) {
    const names = (await ports.analytics.listSkills(tenant.id)).map((s) => s.name);
    return {
      type: 'object',
      properties: {
        name: names.length > 0 ? { type: 'string', enum: names, description: 'the saved report' } : { type: 'string', description: 'the saved report' },
      },
      required: ['name'],
      additionalProperties: false,
    };
  },
  async handler(args, ctx) {
    const { analytics } = ctx.ports;
    if (ctx.actorMode !== 'owner') {
      // Same path as a query refusal, so it is audited.
      return analytics.run({ tenantId: ctx.tenant.id, timeZone: ctx.tenant.timeZone, actorMode: 'client', source: source(ctx), tool: RUN_SKILL_TOOL_NAME, callSid: ctx.callSid ?? null, spec: args });
    }
    const parsed = RunSkillArgs.safeParse(args);
    const skill = parsed.success ? await analytics.findSkill(ctx.tenant.id, { name: parsed.data.name }) : undefined;
    if (!skill) {
      const names = (await analytics.listSkills(ctx.tenant.id)).map((s) => s.name);
      return failureResult('invalid', `no saved report by that name; saved reports: ${names.join(', ') || '(none)'}`, '');
    }
    const { result, text } = await analytics.runSkill(ctx.tenant, skill, {
      source: source(ctx),
      actorMode: 'owner',
      callSid: ctx.callSid ?? null,
    });
    return { ...result, skill: skill.name, answer: text };
  },
  timeoutMs: TOOL_TIMEOUT_MS,
};

