import { type NamedSegment, ValidationError } from '@nimbus-sdk/core';
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
export class FirewallRulesResource {
  constructor(private readonly context: SmartdcContext) {}

  private async send<T>(
    method: 'GET' | 'POST' | 'DELETE',
    segments: Array<string | NamedSegment>,
    options: CallOptions,
    body?: unknown,
  ): Promise<T> {
    return (
      await this.context.transport.send<T>({
        method,
        path: accountPath(this.context, 'fwrules', ...segments),
        ...(body === undefined ? {} : { body: { json: body } }),
        ...(method === 'DELETE' ? { responseType: 'none' as const } : {}),
        ...options,
      })
    ).data;
  }

  async list(options: CallOptions = {}): Promise<FirewallRule[]> {
    return this.send<FirewallRule[]>('GET', [], options);
  }

  async get(id: string, options: CallOptions = {}): Promise<FirewallRule> {
    return this.send<FirewallRule>('GET', [{ id: requireText('fwrules.get', 'id', id) }], options);
  }

  async create(input: FirewallRuleInput, options: CallOptions = {}): Promise<FirewallRule> {
    return this.send<FirewallRule>('POST', [], options, {
      ...input,
      rule: checkRule('fwrules.create', input.rule),
    });
  }

  async update(
    id: string,
    input: Partial<FirewallRuleInput>,
    options: CallOptions = {},
  ): Promise<FirewallRule> {
    return this.send<FirewallRule>('POST', [{ id: requireText('fwrules.update', 'id', id) }], options, {
      ...input,
      ...(input.rule === undefined ? {} : { rule: checkRule('fwrules.update', input.rule) }),
    });
  }

  async enable(id: string, options: CallOptions = {}): Promise<FirewallRule> {
    return this.send<FirewallRule>(
      'POST',
      [{ id: requireText('fwrules.enable', 'id', id) }, 'enable'],
      options,
    );
  }

  async disable(id: string, options: CallOptions = {}): Promise<FirewallRule> {
    return this.send<FirewallRule>(
      'POST',
      [{ id: requireText('fwrules.disable', 'id', id) }, 'disable'],
      options,
    );
  }

  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.send<undefined>('DELETE', [{ id: requireText('fwrules.delete', 'id', id) }], options);
  }

  /** Machines a rule applies to. */
  async machines(id: string, options: CallOptions = {}): Promise<Machine[]> {
    return this.send<Machine[]>(
      'GET',
      [{ id: requireText('fwrules.machines', 'id', id) }, 'machines'],
      options,
    );
  }
}
