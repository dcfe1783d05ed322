#!/usr/bin/env bash
# Writes bash completion for `quire` from the built program's command tree:
# every command's --help lists its subcommands and options, so the
# completion offers exactly what the program accepts and cannot drift.
# Usage: gen_completion.sh PATH/TO/quire OUT
set -euo pipefail
program="$1"
out="$2"
# Words under a heading ("Subcommands:" or "Options:") of `quire ARGS --help`.
section() {
  local heading="$1"
  shift
  "$program" "$@" --help | awk -v h="$heading" '
    $0 == h {on = 1; next}
    /^[^ ]/ {on = 0}
    on && NF {
      n = split($1, names, ",")
      for (i = 1; i <= n; i++) print names[i]
    }'
}
commands=()
options=()
walk() {
  local path="quire${*:+ $*}" subs opts # the key: bash has no empty array key
  subs="$(section "Subcommands:" "$@" | tr '\n' ' ')"
  opts="$(section "Options:" "$@" | tr '\n' ' ')"
  commands+=("[\"$path\"]=\"${subs% }\"")
  options+=("[\"$path\"]=\"${opts% }\"")
  local sub
  for sub in $subs; do
    walk "$@" "$sub"
  done
}
walk
{
  cat <<'HEAD'
# bash completion for quire(1). Generated at build time from the program's
# own --help (packaging/gen_completion.sh); do not edit.
HEAD
  echo "declare -gA _quire_commands=(${commands[*]})"
  echo "declare -gA _quire_options=(${options[*]})"
  cat <<'BODY'
_quire() {
  local cur="${COMP_WORDS[COMP_CWORD]}" path="quire" word i
  # The command path so far: the words that name a subcommand of the last.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if [[ "$word" != -* && " ${_quire_commands[$path]} " == *" $word "* ]]; then
      path="$path $word"
    fi
  done
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_quire_options[$path]}" -- "$cur")
  elif [[ -n "${_quire_commands[$path]}" ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_quire_commands[$path]}" -- "$cur")
  else
    # A project, a file to import or export, or a value: complete file names.
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    compopt -o filenames 2>/dev/null || true
  fi
}
complete -F _quire quire
BODY
} >"$out"
