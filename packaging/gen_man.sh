#!/usr/bin/env bash
# Makes a man page from a built program's --help and --version with
# help2man, so the page cannot drift from the program. For `quire` it adds a
# COMMANDS section with every command's own --help (walked from the command
# tree the help lists).
# Usage: gen_man.sh PROGRAM "SHORT DESCRIPTION" OUT.1 [SEE-ALSO-PAGE] (writes OUT.1 and OUT.1.gz)
set -euo pipefail
program="$1"
name="$2"
out="$3"
see_also="${4:-}"
include="$(mktemp)"
trap 'rm -f "$include"' EXIT
# roff: a line may not start with . or ', and \ is the escape character.
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }
# The subcommands a --help lists (the words under "Subcommands:").
subcommands() {
  "$program" "$@" --help | awk '/^Subcommands:/ {on = 1; next} /^[^ ]/ {on = 0} on && NF {print $1}'
}
walk() {
  local sub
  for sub in $(subcommands "$@"); do
    {
      echo ".SS \"$(basename "$program") $* $sub\"" | sed 's/  */ /g'
      echo ".nf"
      "$program" "$@" "$sub" --help | roff
      echo ".fi"
    } >>"$include"
    walk "$@" "$sub"
  done
}
if [ -n "$(subcommands)" ]; then
  echo "[COMMANDS]" >>"$include"
  walk
fi
if [ -n "$see_also" ]; then
  printf '[SEE ALSO]\n%s\n' "$see_also" >>"$include"
fi
help2man --no-info --no-discard-stderr --section=1 --name="$name" --include="$include" \
  --output="$out" "$program"
gzip -9nkf "$out" # OUT.1.gz, as Debian installs man pages
