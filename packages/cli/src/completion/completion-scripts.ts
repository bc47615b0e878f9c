/**
 * The profile names in `$XDG_CONFIG_HOME/nimbus/profiles.json` (or `~/.config/nimbus`, as
 * `nimbusConfigDir` decides), one per line: read by node, which the CLI runs on anyway, so the
 * completion parses JSON properly without starting the whole CLI.
 */
const LIST_PROFILES = `node -e 'const {readFileSync} = require("node:fs"); const {join, isAbsolute} = require("node:path"); const x = process.env.XDG_CONFIG_HOME; const dir = x && isAbsolute(x) ? x : join(require("node:os").homedir(), ".config"); try { for (const name of Object.keys(JSON.parse(readFileSync(join(dir, "nimbus", "profiles.json"), "utf8")).profiles ?? {})) console.log(name) } catch {}' 2>/dev/null`;

/** The `profile` verbs whose argument is an existing profile's name. */
const NAMED_PROFILE_VERBS = ['use', 'show', 'delete', 'edit'];

// biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...} expansions
const BASH_REPLY = '  COMPREPLY=($(compgen -W "$opts" -- "${cur}"))';

/**
 * The bash completion function of `@oclif/plugin-autocomplete`, changed so that each candidate is
 * offered once (every command of a topic, and each alias, trims to the same word) and profile
 * names complete after `--profile`/`-p` (not in `sandbox`, where `-p` is `--provider`) and as the
 * argument of `profile use|show|delete|edit`.
 */
export function improveBashCompletion(script: string, bin: string): string {
  if (!script.includes(BASH_REPLY)) return script;
  const names = `_${bin}_profile_names`;
  const reply = [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...} expansions
    '  local prev="${COMP_WORDS[COMP_CWORD-1]}"',
    `  if [[ "\${COMP_WORDS[1]}" != "sandbox" && ( "$prev" == "--profile" || "$prev" == "-p" ) ]] ||`,
    `    [[ "$cur" != -* && $COMP_CWORD -eq 3 && "\${COMP_WORDS[1]}" == "profile" && "\${COMP_WORDS[2]}" =~ ^(${NAMED_PROFILE_VERBS.join('|')})$ ]]; then`,
    `    opts="$(${names})"`,
    '  fi',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...} expansions
    '  COMPREPLY=($(compgen -W "$(printf \'%s\\n\' $opts | sort -u)" -- "${cur}"))',
  ].join('\n');
  const helper = `${names}()\n{\n  ${LIST_PROFILES}\n}\n\n`;
  const withReply = script.replace(BASH_REPLY, reply);
  const start = withReply.indexOf(`_${bin}_autocomplete()`);
  return start === -1 ? withReply : `${withReply.slice(0, start)}${helper}${withReply.slice(start)}`;
}

/**
 * The zsh completion function of `@oclif/plugin-autocomplete` (topic separator: space), changed so
 * that `--profile`/`-p` and the argument of `profile use|show|delete|edit` complete profile names
 * instead of files, and each candidate of a list is offered once.
 */
export function improveZshCompletion(script: string, bin: string): string {
  const names = `_${bin}_profile_names`;
  let text = script.replace(/(\{-p,--profile\}"\[[^\]"]*\]):file:_files"/g, `$1:profile:${names}"`);
  text = text.replace(/(\n--profile"\[[^\]"]*\]):file:_files"/g, `$1:profile:${names}"`);
  const fn = `\n_${bin}_profile() {`;
  const start = text.indexOf(fn);
  if (start !== -1) {
    const end = text.indexOf('\n}\n', start);
    let body = text.slice(start, end);
    for (const verb of NAMED_PROFILE_VERBS) {
      body = body.replace(
        new RegExp(`("${verb}"\\)\\n\\s+_arguments -S \\\\\\n(?:.*\\n)*?)"\\*: :_files"`),
        `$1"1: :${names}"`,
      );
    }
    text = text.slice(0, start) + body + text.slice(end);
  }
  text = text.replace(/_values "completions" \\\n((?:".*" \\\n)+)/g, (_block, lines: string) => {
    const seen = new Set<string>();
    const kept = lines.split('\n').filter((line) => {
      if (!line) return false;
      const name = /^"([^"[]+)\[/.exec(line)?.[1] ?? line;
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
    return `_values "completions" \\\n${kept.join('\n')}\n`;
  });
  const helper = `\n${names}() {\n  local -a names\n  names=(\${(f)"$(${LIST_PROFILES})"})\n  compadd -a names\n}\n`;
  const firstLineEnd = text.indexOf('\n');
  return `${text.slice(0, firstLineEnd + 1)}${helper}${text.slice(firstLineEnd + 1)}`;
}
