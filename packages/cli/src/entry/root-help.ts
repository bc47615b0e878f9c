import type { HelpRow, StartupIndex } from './startup-index.js';

/** How the root help is laid out on this terminal. */
export interface RootHelpLayout {
  /** Columns to wrap at (oclif: `OCLIF_COLUMNS`, else the terminal's width, else 80). */
  readonly width: number;
  /** `@nimbus-sdk/cli/0.0.0 linux-x64 node-v20.20.2`, oclif's user agent. */
  readonly userAgent: string;
  /** Section headers in bold, as oclif prints them on a colour terminal. */
  readonly bold: boolean;
}

/**
 * `nimbus --help` from the start-up index, laid out as oclif's root help (description, VERSION,
 * USAGE, TOPICS, COMMANDS; two-column lists wrapped to the width), without loading oclif.
 */
export function renderRootHelp(help: StartupIndex['rootHelp'], layout: RootHelpLayout): string {
  const section = (header: string, body: string) =>
    `${layout.bold ? `\u001B[1m${header}\u001B[22m` : header}\n${indent(body, 2)}`;
  const wrapped = (text: string, spacing: number) => wrap(text, layout.width - spacing).join('\n');
  const root = [
    help.description,
    section('VERSION', wrapped(layout.userAgent, 2)),
    section('USAGE', wrapped(`$ ${help.bin} [COMMAND]`, 2)),
  ]
    .filter(Boolean)
    .join('\n\n');
  const parts = [root, ''];
  if (help.topics.length > 0) parts.push(section('TOPICS', renderList(help.topics, layout.width)), '');
  if (help.commands.length > 0) parts.push(section('COMMANDS', renderList(help.commands, layout.width)), '');
  return `${parts.join('\n')}\n`;
}

/** oclif's two-column list: names padded to the widest, descriptions wrapped beside them. */
function renderList(rows: readonly HelpRow[], width: number): string {
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const lines: string[] = [];
  for (const [name, description] of rows) {
    if (!description) {
      lines.push(name.trim());
      continue;
    }
    const [first, ...rest] = wrap(description.trim(), width - 2 - nameWidth - 2).map((line) => line.trim());
    // oclif switches the whole list to one name per line above its description past four lines.
    if (rest.length > 4) return renderMultiline(rows, width);
    lines.push(`${name}${' '.repeat(nameWidth - name.length + 2)}${first}`);
    if (rest.length > 0) lines.push(indent(rest.join('\n'), nameWidth + 2));
  }
  return lines.join('\n').trim();
}

function renderMultiline(rows: readonly HelpRow[], width: number): string {
  return rows
    .map(([name, description]) => {
      const head = wrap(name.trim(), width - 2).join('\n');
      return description ? `${head}\n${indent(wrap(description.trim(), width - 4).join('\n'), 4)}` : head;
    })
    .join('\n\n')
    .trim();
}

/** Words packed greedily into lines of at most `width` columns; a longer word is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ').filter(Boolean)) {
      if (line && line.length + 1 + word.length <= width) {
        line += ` ${word}`;
        continue;
      }
      if (line) lines.push(line);
      while (word.length > width) {
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/** Indents every non-empty line, as indent-string does for oclif. */
function indent(text: string, count: number): string {
  return text.replace(/^(?!\s*$)/gm, ' '.repeat(count));
}
