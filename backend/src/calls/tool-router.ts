import type { Logger } from 'pino';
import type { FeatureRegistry } from '../features/registry.js';
import type { AnyFeature, FeaturePorts, ToolCallContext } from '../features/types.js';
import { resolveModePolicy, type ModePolicyDecision, type PolicyFeature, type TenantModePolicies } from '../policy/mode-policy.js';
import type { FeatureSwitches } from '../policy/feature-resolution.js';
import { normalizeActorMode, type ActorMode } from '../policy/modes.js';
import type { EventStore } from '../storage/event-store.js';
import type { Tenant } from '../tenancy/tenant.js';
import { ownerPolicyOf } from '../tenancy/tenant-settings.js';
import type { RealtimeToolSpec } from '../voice/call-context.js';
import { withTimeout } from '../voice/tool-runner.js';
import { callStream, TOOL_REFUSED } from './call-events.js';
import { policyFeatures } from './policy-features.js';

/** What the model gets back for a tool it may not use: no data, spoken-safe. */
export const TOOL_REFUSAL = Object.freeze({ ok: false, error: 'not_allowed', say: "I'm sorry, I can't help with that on this line." });
/** A tool that declares no budget of its own gets this one (the voice runner's default too). */
export const DEFAULT_TOOL_TIMEOUT_MS = 8_000;

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

export interface ToolRouterDeps {
  registry: FeatureRegistry;
  policy: { modePolicy: TenantModePolicies; features: FeatureSwitches };
  /** Where refusals are audited. */
  events: Pick<EventStore, 'append'>;
  /** The ports each feature was composed with. */
  portsOf(feature: AnyFeature): FeaturePorts<unknown>;
}

/**
 * Enforcement point 3: every tool run (voice, portal, schedule) passes here. The tool's
 * owning feature must be allowed for `(tenant, actor_mode)` by the same policy that chose
 * the offered tools; otherwise a refusal with no data is returned and `tool.refused` is
 * appended (audited). An allowed tool runs within its own `timeoutMs`; handler errors and a
 * timeout propagate (the voice tool runner makes them spoken-safe).
 */
export class ToolRouter {
  readonly #d: ToolRouterDeps;
  readonly #features: readonly PolicyFeature[];

  constructor(deps: ToolRouterDeps) {
    this.#d = deps;
    this.#features = policyFeatures(deps.registry.features);
  }

  /**
   * The policy decision for a session; pure, computed once per call by admission. The owner's
   * settings ride on the tenant row already loaded; the operator's environment wins over them.
   */
  decide(tenant: Tenant, actorMode: unknown): ModePolicyDecision {
    return resolveModePolicy({ ...tenant, owner: ownerPolicyOf(tenant) }, actorMode, this.#d.policy, this.#features);
  }

  /** The function definitions offered to the model for these tools (e.g. enums of this tenant's menu). */
  async toolSpecs(names: readonly string[], tenant: Tenant): Promise<RealtimeToolSpec[]> {
    const specs: RealtimeToolSpec[] = [];
    for (const name of names) {
      const owned = this.#d.registry.tool(name);
      if (!owned) continue;
      const parameters = await owned.tool.parameters(tenant, this.#d.portsOf(owned.feature));
      specs.push({ type: 'function', name, description: owned.tool.description, parameters });
    }
    return specs;
  }

  async invoke(name: string, args: unknown, inv: ToolInvocation): Promise<unknown> {
    const mode = normalizeActorMode(inv.actorMode);
    const owned = this.#d.registry.tool(name);
    const decision = this.decide(inv.tenant, mode);
    const featureName = owned?.feature.manifest.name ?? null;
    const allowed =
      owned !== undefined &&
      decision.allowedFeatures.includes(owned.feature.manifest.name) &&
      decision.allowedTools.includes(name) &&
      !(owned.feature.manifest.ownerOnly && mode !== 'owner');
    if (!allowed) {
      await this.#audit(name, featureName, mode, inv, owned ? 'not_allowed' : 'unknown_tool');
      return TOOL_REFUSAL;
    }
    const ports = this.#d.portsOf(owned.feature);
    return withTimeout(
      (signal) =>
        owned.tool.handler(args, {
          tenant: inv.tenant,
          actorMode: mode,
          source: inv.source,
          ...(inv.callSid ? { callSid: inv.callSid } : {}),
          ...(inv.callerNumber ? { callerNumber: inv.callerNumber } : {}),
          ...(inv.utterance ? { utterance: inv.utterance } : {}),
          signal,
          ports,
          log: inv.log,
        }),
      owned.tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
      inv.signal,
    );
  }

  async #audit(tool: string, feature: string | null, mode: ActorMode, inv: ToolInvocation, reason: string): Promise<void> {
    inv.log.warn({ event: 'tool_refused', tool, feature, actorMode: mode, reason }, 'tool refused by policy');
    try {
      await this.#d.events.append({
        tenantId: inv.tenant.id,
        stream: inv.callSid ? callStream(inv.callSid) : { type: 'tool_audit', id: inv.tenant.id },
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
