import type { EmulatorRequest, Router } from '@nimbus-sdk/core/testing';
import { notAuthorized, notFound } from '../errors.js';
import type { RouteContext } from './resource-routes.js';
import { topicVisible } from './topics.js';
import { withoutPassword } from './users.js';

/**
 * Topic notifications: a user subscribes to (or leaves) a topic's job mails. Registered before the
 * topics, so `GET /topics/notifications` is not taken for a topic id.
 */
export function registerNotifications(router: Router, context: RouteContext): void {
  const { state } = context;
  const subscription = async (request: EmulatorRequest) => {
    const caller = await context.caller(request);
    if (caller.kind !== 'user') throw notAuthorized();
    const topic = state.find('topics', request.params.id ?? '');
    if (!topic || !topicVisible(state, caller, topic)) throw notFound('topic');
    const users = state.topicSubscribers.get(topic.id) ?? new Set<string>();
    state.topicSubscribers.set(topic.id, users);
    return { caller, topic, users };
  };

  router.get('/api/v1/topics/notifications', async (request) => {
    const caller = await context.caller(request);
    const topics = state
      .rows('topics')
      .filter((topic) => state.topicSubscribers.get(topic.id)?.has(caller.id) === true);
    return { status: 200, body: { topics, _meta: { count: topics.length } } };
  });
  router.post('/api/v1/topics/:id/notifications', async (request) => {
    const { caller, users } = await subscription(request);
    users.add(caller.id);
    return { status: 201 };
  });
  router.delete('/api/v1/topics/:id/notifications', async (request) => {
    const { caller, users } = await subscription(request);
    users.delete(caller.id);
    return { status: 204 };
  });
  router.get('/api/v1/topics/:id/notifications/users', async (request) => {
    const caller = await context.caller(request);
    if (!caller.superAdmin && !caller.epm) throw notAuthorized();
    const topic = state.find('topics', request.params.id ?? '');
    if (!topic) throw notFound('topic');
    const users = [...(state.topicSubscribers.get(topic.id) ?? [])]
      .map((id) => state.find('users', id))
      .filter((user) => user !== undefined)
      .map(withoutPassword);
    return { status: 200, body: { users, _meta: { count: users.length } } };
  });
}
