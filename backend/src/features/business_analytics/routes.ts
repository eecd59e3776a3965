import { OWNER_ONLY } from '@vozlia/control-plane';
import { AskRequest, AuditListQuery, QueryRequest, SaveSkillRequest, type AuditDetail, type AuditEntry, type Skill as SkillOut } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { answerText } from '../../analytics/answer-text.js';
import { nextSlot } from '../../analytics/skills/skill-schedule.js';
import type { Skill } from '../../analytics/skills/skill-service.js';
import { resolveFeature } from '../../policy/feature-resolution.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import { decodeCursor, pageOf } from '../../storage/pages.js';
import type { Tenant } from '../../tenancy/tenant.js';
import { parseRequest } from '../kit/parse-request.js';
import { tenantOf } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { askForSpec } from './ask.js';
import { dashboardRoutes } from './dashboard.js';
import { manifest } from './manifest.js';

const OWNER = { config: { roles: OWNER_ONLY } };
const IdParams = z.object({ tenant_id: z.string(), id: z.string().min(1).max(100) });
const iso = (d: Date | string) => new Date(d).toISOString();

type AuditRow = Omit<AuditEntry, 'occurred_at' | 'actor_mode' | 'source' | 'outcome'> & { occurred_at: Date | string; actor_mode: string; source: string; outcome: string };
const toAuditEntry = (r: AuditRow): AuditEntry => ({ ...r, occurred_at: iso(r.occurred_at) }) as AuditEntry;

/**
 * Business analytics in the tenant scope (contract §5, §7), owner-only: `query` and `ask`
 * (audited with source `portal`), the audit trail, saved skills.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  const { analytics } = ports;
  await app.register(dashboardRoutes, { ports });

  /** The tenant, when business analytics is on for its owner. */
  const tenantFor = async (req: FastifyRequest): Promise<Tenant> => {
    const tenant = await tenantOf(ports, req);
    const decision = resolveFeature(manifest, tenant.id, 'owner', ports.config.features);
    if (!decision.allowed) throw new ForbiddenError(`business analytics is off for this tenant (${decision.reason})`, 'feature_off');
    return tenant;
  };
  const toSkill = (tenant: Tenant, s: Skill): SkillOut => ({
    id: s.skillId,
    name: s.name,
    spec: s.spec as SkillOut['spec'],
    schedule: s.schedule,
    channel: s.channel,
    runs: s.runs,
    last_run_at: s.lastRunAt,
    last_outcome: s.lastOutcome as SkillOut['last_outcome'],
    last_audit_id: s.lastAuditId,
    last_answer: null,
    next_run_at: s.schedule ? nextSlot(s.schedule, tenant.timeZone, ports.clock()).toISOString() : null,
  });
  const skillOf = async (tenant: Tenant, id: string) => {
    const skill = await analytics.findSkill(tenant.id, { id });
    if (!skill) throw new NotFoundError('no such skill');
    return skill;
  };

  app.post('/query', OWNER, async (req) => {
    const tenant = await tenantFor(req);
    const { spec } = parseRequest(QueryRequest, req.body ?? {});
    const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question: null, spec });
    return { ...result, answer: answerText(result) };
  });

  app.post('/ask', OWNER, async (req, reply) => {
    const tenant = await tenantFor(req);
    const { question } = parseRequest(AskRequest, req.body);
    let asked;
    try {
      asked = await askForSpec(ports.config.openai, { question, catalog: await analytics.catalog.current(), timeZone: tenant.timeZone, now: ports.clock() });
    } catch (err) {
      ports.log.warn({ event: 'analytics_ask_failed', tenantId: tenant.id, error: err instanceof Error ? err.message : String(err) }, 'text model call failed');
      asked = { ok: false as const, error: 'the text model could not be reached' };
    }
    if (!asked.ok) {
      // Audited like any run: the question is known, the spec is not.
      const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question, spec: null });
      return reply.code(502).send({ ...result, question, error: asked.error, answer: answerText(result), spec: null, sql: null, params: null });
    }
    const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question, spec: asked.spec });
    const audit = await analytics.auditEntry(tenant.id, result.audit_id);
    return { ...result, question, answer: answerText(result), spec: asked.spec, sql: audit?.sql ?? null, params: audit?.params ?? null };
  });

  app.get('/audit', OWNER, async (req) => {
    const tenant = await tenantOf(ports, req);
    const q = parseRequest(AuditListQuery, req.query);
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && !after) throw new ValidationError('cursor: not one this server handed out');
    const rows = await analytics.auditPage(tenant.id, { ...(q.source ? { source: q.source } : {}), ...(q.outcome ? { outcome: q.outcome } : {}), ...(after ? { after } : {}), limit: q.limit + 1 });
    return pageOf(rows, q.limit, (r) => ({ at: new Date(r.occurred_at), id: r.audit_id }), toAuditEntry);
  });

  app.get('/audit/:id', OWNER, async (req) => {
    const { tenant_id, id } = parseRequest(IdParams, req.params);
    const row = await analytics.auditEntry(tenant_id, id);
    if (!row) throw new NotFoundError('no such audit entry');
    const { tenant_id: _tenant, ...rest } = row;
    return { ...toAuditEntry(rest), call_sid: rest.call_sid, spec: rest.spec, sql: rest.sql, params: rest.params } satisfies AuditDetail;
  });

  app.get('/skills', OWNER, async (req) => {
    const tenant = await tenantOf(ports, req);
    return { items: (await analytics.listSkills(tenant.id)).map((s) => toSkill(tenant, s)), next_cursor: null };
  });

  const save = async (req: FastifyRequest, skillId?: string) => {
    const tenant = await tenantFor(req);
    const body = parseRequest(SaveSkillRequest, req.body);
    const saved = await analytics.saveSkill(tenant, { ...body, ...(skillId ? { skillId } : {}) });
    // Every problem at once (the form shows them all); `field` names the first.
    if (!saved.ok) throw new ValidationError(saved.errors.join('; '), 'invalid', /^([\w.]+):/.exec(saved.errors[0] ?? '')?.[1]);
    return toSkill(tenant, saved.skill);
  };
  app.post('/skills', OWNER, async (req, reply) => reply.code(201).send(await save(req)));
  app.put('/skills/:id', OWNER, async (req) => {
    const { id } = parseRequest(IdParams, req.params);
    await skillOf(await tenantOf(ports, req), id);
    return save(req, id);
  });

  app.get('/skills/:id', OWNER, async (req) => {
    const tenant = await tenantOf(ports, req);
    return toSkill(tenant, await skillOf(tenant, parseRequest(IdParams, req.params).id));
  });

  app.delete('/skills/:id', OWNER, async (req, reply) => {
    const tenant = await tenantOf(ports, req);
    if (!(await analytics.deleteSkill(tenant.id, parseRequest(IdParams, req.params).id))) throw new NotFoundError('no such skill');
    return reply.code(204).send();
  });

  app.post('/skills/:id/run', OWNER, async (req) => {
    const tenant = await tenantFor(req);
    const skill = await skillOf(tenant, parseRequest(IdParams, req.params).id);
    const { result, text } = await analytics.runSkill(tenant, skill, { source: 'portal', actorMode: 'owner' });
    return { ...result, skill: skill.name, answer: text };
  });
};
