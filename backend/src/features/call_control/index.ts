import type { FeatureModule } from '../types.js';
import { MESSAGE_NOTIFY_QUEUE } from './events.js';
import { manifest } from './manifest.js';
import { messageNotifyJob, messageReactors } from './notify.js';
import { endCallTool, transferCallTool } from './tools.js';

export const feature: FeatureModule = {
  manifest,
  tools: [transferCallTool, endCallTool],
  reactors: messageReactors,
  jobs: (ports) => ({ [MESSAGE_NOTIFY_QUEUE]: messageNotifyJob(ports) }),
};
