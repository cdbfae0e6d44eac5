/** Test helpers for the gate and members API tests: people and a community, through the real API. */
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../kernel/http/testing.js';

export interface Person {
  c: TestClient;
  id: string;
  email: string;
}

let n = 0;
export async function person(t: TestApp, name: string): Promise<Person> {
  const c = t.client();
  const email = `${name.toLowerCase().replace(/\W/g, '')}.${++n}.${Date.now()}@example.com`;
  const r = await c.post('/api/auth/signup', { email, password: 'gate-test-pass-1', displayName: name, locale: 'en' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { c, id: r.body.user.id, email };
}

export async function community(owner: Person, slug: string, extra: Record<string, unknown> = {}) {
  const r = await owner.c.post('/api/communities', {
    slug, name: `Community ${slug}`, type: 'persona', sharedNeed: 'Indie developers shipping products', valuePromise: 'Honest feedback from peers',
    norms: 'Be kind. No ads.', entryCriteria: 'You build software', ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

export const FORM = {
  questions: [
    { id: 'city', kind: 'short_text', label: 'City', required: true, maxLength: 20 },
    { id: 'why', kind: 'long_text', label: 'Why join?', required: true },
    { id: 'role', kind: 'single_choice', label: 'You are', required: true, options: [{ id: 'dev', label: 'Developer' }, { id: 'other', label: 'Other' }] },
  ],
};

export const RULES = [
  { id: 'no-ads', name: 'Ads', conditions: [{ on: 'answer', questionId: 'why', op: 'contains', value: 'buy now' }], outcome: 'reject', reason: 'We do not take advertisers.' },
  { id: 'devs', name: 'Developers from the salon', conditions: [{ on: 'answer', questionId: 'role', op: 'equals', value: 'dev' }, { on: 'channel', op: 'is', value: ['salon'] }], outcome: 'approve' },
];

export const answers = (over: Record<string, unknown> = {}) => ({ city: 'Hangzhou', why: 'I ship small apps and want peers', role: 'dev', ...over });
