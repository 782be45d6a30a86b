import { describe, expect, it } from 'vitest';
import { actorLabel } from './actor-label.js';

describe('actorLabel', () => {
  it('shows the role once', () => {
    expect(actorLabel({ type: 'steward', id: 'steward:bootstrap' })).toBe('steward:bootstrap');
    expect(actorLabel({ type: 'steward', id: 'starter' })).toBe('steward:starter');
    expect(actorLabel({ type: 'source', id: 'crm' })).toBe('source:crm');
    expect(actorLabel({ type: 'system', id: 'system' })).toBe('system');
  });
});
