import { ValidationError } from '@nimbus-sdk/core';
import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import { requireText } from '../input-checks.js';
import type { FirewallRule, Machine } from '../types.js';

/** Input of CreateFirewallRule / UpdateFirewallRule. */
export interface FirewallRuleInput {
  /** `FROM <target> TO <target> ALLOW|BLOCK <proto> PORT <n>` */
  rule: string;
  enabled?: boolean;
  description?: string;
}

function checkRule(method: string, rule: string): string {
  if (!/^\s*FROM\s+.+\s+TO\s+.+\s+(ALLOW|BLOCK)\s+\S+/i.test(rule)) {
    throw new ValidationError(
      `${method}: rule must read "FROM <target> TO <target> ALLOW|BLOCK <proto> ..."`,
      [{ path: 'rule', message: 'not in CloudAPI rule grammar' }],
    );
  }
  return rule;
}

/** Firewall rules. */
export function firewallRulesResource(context: SmartdcContext) {
  const send = async <T>(
    method: 'GET' | 'POST' | 'DELETE',
    segments: string[],
    options: CallOptions,
    body?: unknown,
  ) =>
    (
      await context.transport.send<T>({
        method,
        path: accountPath(context, 'fwrules', ...segments),
        ...(body === undefined ? {} : { body: { json: body } }),
        ...(method === 'DELETE' ? { responseType: 'none' as const } : {}),
        ...options,
      })
    ).data;
  return {
    list: async (options: CallOptions = {}) => send<FirewallRule[]>('GET', [], options),
    get: async (id: string, options: CallOptions = {}) =>
      send<FirewallRule>('GET', [requireText('fwrules.get', 'id', id)], options),
    create: async (input: FirewallRuleInput, options: CallOptions = {}) =>
      send<FirewallRule>('POST', [], options, { ...input, rule: checkRule('fwrules.create', input.rule) }),
    update: async (id: string, input: Partial<FirewallRuleInput>, options: CallOptions = {}) =>
      send<FirewallRule>('POST', [requireText('fwrules.update', 'id', id)], options, {
        ...input,
        ...(input.rule === undefined ? {} : { rule: checkRule('fwrules.update', input.rule) }),
      }),
    enable: async (id: string, options: CallOptions = {}) =>
      send<FirewallRule>('POST', [requireText('fwrules.enable', 'id', id), 'enable'], options),
    disable: async (id: string, options: CallOptions = {}) =>
      send<FirewallRule>('POST', [requireText('fwrules.disable', 'id', id), 'disable'], options),
    delete: async (id: string, options: CallOptions = {}) => {
      await send<undefined>('DELETE', [requireText('fwrules.delete', 'id', id)], options);
    },
    /** Machines a rule applies to. */
    machines: async (id: string, options: CallOptions = {}) =>
      send<Machine[]>('GET', [requireText('fwrules.machines', 'id', id), 'machines'], options),
  };
}

export type FirewallRulesResource = ReturnType<typeof firewallRulesResource>;
