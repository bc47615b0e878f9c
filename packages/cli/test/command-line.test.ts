import { describe, expect, it } from 'vitest';
import { understandCommandLine } from '../src/entry/command-line.js';

const tree = {
  commandIds: new Set([
    'dci:topic:list',
    'dci:topic:show',
    'dci:job:list',
    'smartdc:machine:list',
    'smartdc:instance:list',
    'smartdc:instance:ls',
    'profile:list',
  ]),
};

describe('understandCommandLine', () => {
  it('moves a boolean flag typed before the subcommand after it', () => {
    expect(understandCommandLine(['dci', '--json', 'topic', 'list'], tree)).toEqual({
      kind: 'command',
      argv: ['dci', 'topic', 'list', '--json'],
    });
  });

  it('moves a flag with its value, and keeps arguments after the command in place', () => {
    expect(understandCommandLine(['dci', '--format', 'json', 'job', 'list', 'state=x'], tree)).toEqual({
      kind: 'command',
      argv: ['dci', 'job', 'list', '--format', 'json', 'state=x'],
    });
    expect(understandCommandLine(['smartdc', '-p', 'prod', 'instance', 'ls'], tree)).toEqual({
      kind: 'command',
      argv: ['smartdc', 'instance', 'ls', '-p', 'prod'],
    });
  });

  it('moves flags typed before the provider, and --flag=value forms', () => {
    expect(understandCommandLine(['--profile=x', 'smartdc', 'machine', 'list'], tree)).toEqual({
      kind: 'command',
      argv: ['smartdc', 'machine', 'list', '--profile=x'],
    });
  });

  it('leaves a line with no flag before the command as typed', () => {
    expect(understandCommandLine(['dci', 'topic', 'list', '--json'], tree)).toEqual({
      kind: 'as-typed',
      argv: ['dci', 'topic', 'list', '--json'],
    });
  });

  it('reports a topic given flags but no command', () => {
    expect(understandCommandLine(['dci', 'topic', '--bogus'], tree)).toEqual({
      kind: 'topic-only',
      topic: 'dci topic',
      flags: ['--bogus'],
    });
  });

  it('reads <topic> --version as a version request, only on a top-level topic', () => {
    expect(understandCommandLine(['dci', '--version'], tree)).toEqual({
      kind: 'version',
      topic: 'dci',
      json: false,
    });
    expect(understandCommandLine(['smartdc', '--json', '--version'], tree)).toEqual({
      kind: 'version',
      topic: 'smartdc',
      json: true,
    });
    expect(understandCommandLine(['dci', 'topic', '--version'], tree).kind).toBe('topic-only');
    expect(understandCommandLine(['dci', '-v'], tree).kind).toBe('topic-only');
    expect(understandCommandLine(['--version'], tree).kind).toBe('as-typed');
    const withHelp = { commandIds: new Set([...tree.commandIds, 'help']) };
    expect(understandCommandLine(['help', '--version'], withHelp).kind).toBe('as-typed');
  });

  it('leaves help requests to oclif', () => {
    expect(understandCommandLine(['dci', 'topic', '--help'], tree).kind).toBe('as-typed');
    expect(understandCommandLine(['dci', '-h'], tree).kind).toBe('as-typed');
  });

  it('stops at `--`', () => {
    expect(understandCommandLine(['dci', '--', '--json', 'topic'], tree).kind).toBe('as-typed');
  });
});
