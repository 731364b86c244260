import { describe, expect, it } from 'vitest';
import { routeRequest } from './route-request';

describe('routeRequest', () => {
  it('sends a request that names an action to that action, without the routing field', () => {
    expect(routeRequest('/v1/chat', { action: 'follow-up-email', page: { x: 1 } })).toEqual({
      api: '/v1/actions/follow-up-email',
      body: { page: { x: 1 } },
    });
  });

  it('leaves questions on /v1/chat', () => {
    expect(routeRequest('/v1/chat', { page: { x: 1 } })).toEqual({ api: '/v1/chat', body: { page: { x: 1 } } });
    expect(routeRequest('/v1/chat', undefined)).toEqual({ api: '/v1/chat', body: undefined });
  });

  it('refuses to build a path from anything but an action id', () => {
    expect(routeRequest('/v1/chat', { action: '../admin' }).api).toBe('/v1/chat');
  });
});
