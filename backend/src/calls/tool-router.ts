import type { Logger } from 'pino';
import type { FeatureRegistry } from '../features/registry.js';
import type { FeaturePorts, ToolCallContext } from '../features/types.js';
import { resolveModePolicy, type ModePolicyDecision, type PolicyFeature } from '../policy/mode-policy.js';
import { normalizeActorMode, type ActorMode } from '../policy/modes.js';
import type { Tenant } from '../tenancy/tenant.js';
import { TOOL_REFUSED } from './call-events.js';
import { policyFeatures } from './policy-features.js';

/** What the model gets back for a tool it may not use: no data, spoken-safe. */
export const TOOL_REFUSAL = Object.freeze({ ok: false, error: 'not_allowed', say: "I'm sorry, I can't help with that on this line." });

export interface ToolInvocation {
  tenant: Tenant;
  actorMode: ActorMode;
  source: ToolCallContext['source'];
  callSid?: string;
  callerNumber?: string;
  /** Who asked, for the audit trail (portal user, schedule name); never a phone number. */
  actor?: string;
  /** What the caller last said before the model called the tool (voice), for audits. */
  utterance?: string;
  signal: AbortSignal;
  log: Logger;
}

/**
 * Enforcement point 3: every tool run (voice, portal, schedule) passes here. The tool's
 * owning feature must be allowed for `(tenant, actor_mode)` by the same policy that chose
 * the offered tools; otherwise a refusal with no data is returned and `tool.refused` is
 * appended (audited). Handler errors propagate (the voice tool runner makes them spoken-safe).
 */
export class ToolRouter {
  readonly #registry: FeatureRegistry;
  readonly #ports: FeaturePorts;
  readonly #features: readonly PolicyFeature[];

  constructor(registry: FeatureRegistry, ports: FeaturePorts) {
    this.#registry = registry;
    this.#ports = ports;
    this.#features = policyFeatures(registry.features);
  }

  /** The policy decision for a session; pure, computed once per call by admission. */
  decide(tenant: Tenant, actorMode: unknown): ModePolicyDecision {
    return resolveModePolicy(tenant, actorMode, this.#ports.config, this.#features);
  }

  async invoke(name: string, args: unknown, inv: ToolInvocation): Promise<unknown> {
    const mode = normalizeActorMode(inv.actorMode);
    const owner = this.#registry.tool(name);
    const decision = this.decide(inv.tenant, mode);
    const featureName = owner?.feature.manifest.name ?? null;
    const allowed =
      owner !== undefined &&
      decision.allowedFeatures.includes(owner.feature.manifest.name) &&
      decision.allowedTools.includes(name) &&
      !(owner.feature.manifest.ownerOnly && mode !== 'owner');
    if (!allowed) {
      await this.#audit(name, featureName, mode, inv, owner ? 'not_allowed' : 'unknown_tool');
      return TOOL_REFUSAL;
    }
    const ctx: ToolCallContext = {
      tenant: inv.tenant,
      actorMode: mode,
      source: inv.source,
      ...(inv.callSid ? { callSid: inv.callSid } : {}),
      ...(inv.callerNumber ? { callerNumber: inv.callerNumber } : {}),
      ...(inv.utterance ? { utterance: inv.utterance } : {}),
      signal: inv.signal,
      ports: this.#ports,
      log: inv.log,
    };
    return owner.tool.handler(args, ctx);
  }

  async #audit(tool: string, feature: string | null, mode: ActorMode, inv: ToolInvocation, reason: string): Promise<void> {
    inv.log.warn({ event: 'tool_refused', tool, feature, actorMode: mode, reason }, 'tool refused by policy');
    try {
      await this.#ports.events.append({
        tenantId: inv.tenant.id,
        stream: inv.callSid ? { type: 'call', id: inv.callSid } : { type: 'tool_audit', id: inv.tenant.id },
        events: [
          {
            type: TOOL_REFUSED,
            payload: { tool, feature, actorMode: mode, source: inv.source, reason, ...(inv.callSid ? { callSid: inv.callSid } : {}), ...(inv.actor ? { actor: inv.actor } : {}) },
            metadata: { actor_mode: mode, source: inv.source, ...(inv.callSid ? { call_sid: inv.callSid } : {}) },
          },
        ],
      });
    } catch (err) {
      inv.log.error({ event: 'tool_refusal_audit_failed', err }, 'could not record a tool refusal');
    }
  }
}
