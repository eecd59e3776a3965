import { describe, expect, it } from 'vitest';
import { gaugeValue } from './health';

describe('gaugeValue', () => {
  const text = ['# HELP voz_voice_active_calls Calls currently bridged', '# TYPE voz_voice_active_calls gauge', 'voz_voice_active_calls 3', 'voz_voice_active_calls_total 9'].join('\n');

  it('reads the gauge, not a metric whose name starts the same', () => {
    expect(gaugeValue(text, 'voz_voice_active_calls')).toBe(3);
  });

  it('is null when the metric is absent', () => {
    expect(gaugeValue(text, 'voz_other')).toBeNull();
  });
});
