#!/usr/bin/env bash
# The packaging checks ctest runs (tests/packaging/CMakeLists.txt), one per
# call: packaging_tests.sh CHECK SOURCE_DIR BUILD_DIR VERSION QUIRE [QUIRE_GUI]
set -euo pipefail
check="$1"
src="$2"
build="$3"
version="$4"
quire="$5"
gui="${6:-}"
id="io.github.quire.Quire"
pkg="$build/packaging"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAILED ($check): $*" >&2
  exit 1
}
need() {
  command -v "$1" >/dev/null || fail "$1 is missing: bash packaging/deps.sh installs it"
}
# The words under a heading ("Subcommands:", "Options:") of PROGRAM ARGS --help.
section() {
  local heading="$1"
  shift
  "$@" --help | awk -v h="$heading" '$0 == h {on = 1; next} /^[^ ]/ {on = 0}
    on && NF {n = split($1, names, ","); for (i = 1; i <= n; i++) print names[i]}'
}
# Every command path of quire, one a line ("", "codes", "codes add", ...).
command_paths() {
  local sub
  echo "$*"
  for sub in $(section "Subcommands:" "$quire" "$@"); do
    command_paths "$@" "$sub"
  done
}

case "$check" in
metainfo_validates)
  need appstreamcli
  meta="$pkg/$id.metainfo.xml"
  appstreamcli validate --no-net --explain "$meta" || fail "appstreamcli validate $meta"
  # The newest release is this version and has notes from CHANGELOG.md.
  first="$(grep -m1 -oP '<release version="\K[^"]+' "$meta")"
  [ "$first" = "$version" ] || fail "the newest release in the metainfo is $first, not $version"
  notes="$(grep -c '<li>' "$meta")"
  changelog_items="$(grep -c '^- ' "$src/CHANGELOG.md")"
  [ "$notes" = "$changelog_items" ] ||
    fail "the metainfo has $notes release notes, CHANGELOG.md $changelog_items"
  for shot in $(grep -oP '<image>[^<]*/\K[^/<]+(?=</image>)' "$meta"); do
    [ -f "$src/docs/screenshots/$shot" ] || fail "the metainfo shows $shot, not in docs/screenshots"
  done
  ;;
desktop_entry_validates)
  need desktop-file-validate
  desktop="$pkg/$id.desktop"
  out="$(desktop-file-validate "$desktop" 2>&1)" || fail "desktop-file-validate: $out"
  [ -z "$out" ] || fail "desktop-file-validate warns: $out"
  for type in application/x-quire-project application/x-qdpx application/x-qdc; do
    grep -q "^MimeType=.*$type;" "$desktop" || fail "the desktop entry does not open $type"
    grep -q "type=\"$type\"" "$src/packaging/quire-mime.xml" || fail "$type is not defined"
  done
  grep -qx "Exec=quire-gui %f" "$desktop" || fail "the desktop entry does not start quire-gui FILE"
  ;;
mime_types_load)
  need update-mime-database
  # The MIME database built from the system's types and ours: .quire, .qdpx
  # and .qdc files get our types.
  mkdir -p "$work/mime/packages"
  cp /usr/share/mime/packages/freedesktop.org.xml "$work/mime/packages/"
  cp "$src/packaging/quire-mime.xml" "$work/mime/packages/quire.xml"
  update-mime-database "$work/mime" || fail "update-mime-database refuses quire-mime.xml"
  for pair in quire:application/x-quire-project qdpx:application/x-qdpx qdc:application/x-qdc; do
    grep -q "^80:${pair#*:}:\*\.${pair%%:*}$" "$work/mime/globs2" ||
      fail "*.${pair%%:*} is not ${pair#*:} in the built MIME database"
    [ -f "$work/mime/${pair#*:}.xml" ] || fail "${pair#*:} is not in the built MIME database"
  done
  ;;
man_pages_match_help)
  need man
  page="$pkg/man/quire.1"
  [ -f "$page" ] || fail "$page was not made (help2man missing when configured?)"
  text="$(MANWIDTH=200 man -l "$page" 2>/dev/null)"
  grep -q "quire $version" "$page" || fail "quire.1 does not name version $version"
  n=0
  while read -r path; do
    if [ -n "$path" ]; then
      grep -q "^\.SS \"quire $path\"$" "$page" || fail "quire.1 has no section for 'quire $path'"
    fi
    read -ra args <<<"$path"
    for opt in $(section "Options:" "$quire" "${args[@]}"); do
      grep -qF -- "$opt" <<<"$text" || fail "quire.1 lacks 'quire $path' option $opt"
    done
    n=$((n + 1))
  done < <(command_paths)
  echo "quire.1 holds all $n commands and their options"
  if [ -n "$gui" ]; then
    # --help and --version answer without a display (before wx starts).
    help="$(env -u DISPLAY -u WAYLAND_DISPLAY "$gui" --help)" || fail "quire-gui --help without a display"
    page="$pkg/man/quire-gui.1"
    text="$(MANWIDTH=200 man -l "$page" 2>/dev/null)"
    grep -q "quire-gui $version" "$page" || fail "quire-gui.1 does not name version $version"
    for opt in $(grep -oE -- '--[a-z-]+' <<<"$help" | sort -u); do
      grep -qF -- "$opt" <<<"$text" || fail "quire-gui.1 lacks option $opt of quire-gui --help"
    done
    grep -q "Usage: quire-gui \[OPTIONS\] \[PROJECT\]" <<<"$help" || fail "quire-gui --help: $help"
  fi
  ;;
completion_lists_every_command)
  completion="$pkg/completion/quire"
  [ -f "$completion" ] || fail "$completion was not made"
  # Completing after each command path offers exactly its subcommands, and
  # after a "-" exactly its options.
  complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _quire
      printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$completion" "$@"
  }
  n=0
  while read -r path; do
    read -ra args <<<"$path"
    want="$(section "Subcommands:" "$quire" "${args[@]}" | sort)"
    if [ -n "$want" ]; then
      got="$(complete_words quire "${args[@]}" "")"
      [ "$got" = "$want" ] || fail "completing 'quire $path ' offered [$got], not [$want]"
      n=$((n + $(wc -l <<<"$want")))
    fi
    want="$(section "Options:" "$quire" "${args[@]}" | grep -- '^--' | sort)"
    got="$(complete_words quire "${args[@]}" "--")"
    [ "$got" = "$want" ] || fail "completing 'quire $path --' offered [$got], not [$want]"
  done < <(command_paths)
  got="$(complete_words quire cod)"
  [ "$got" = "$(printf 'code\ncoder\ncoders\ncodes\ncodings')" ] || fail "'quire cod' offered [$got]"
  # After the command, a project or file: file names.
  touch "$work/study.quire"
  got="$(cd "$work" && complete_words quire codes list stu)"
  [ "$got" = "study.quire" ] || fail "'quire codes list stu' offered [$got], not study.quire"
  echo "completion offers all $n commands"
  ;;
version_the_same_everywhere)
  [ "$("$quire" --version)" = "quire $version" ] || fail "quire --version: $("$quire" --version)"
  if [ -n "$gui" ]; then
    [ "$(env -u DISPLAY "$gui" --version)" = "quire-gui $version" ] || fail "quire-gui --version"
  fi
  grep -q "^## $version — " "$src/CHANGELOG.md" || fail "CHANGELOG.md has no section for $version"
  grep -q "^set(CPACK_PACKAGE_VERSION \"$version\")" "$build/CPackConfig.cmake" ||
    fail "the package's version is not $version"
  grep -q "<release version=\"$version\"" "$pkg/$id.metainfo.xml" || fail "metainfo release"
  # What core and the exporters record as the writer: safety copies and REFI-QDA.
  cd "$work"
  export QUIRE_CODER=tester
  "$quire" init p.quire >/dev/null
  printf 'Ana: one passage about time.\n' >a.txt
  "$quire" import p.quire a.txt >/dev/null
  "$quire" codes add p.quire Time >/dev/null
  "$quire" code p.quire --doc a --match time --code Time >/dev/null
  "$quire" codes delete p.quire Time --force >/dev/null
  made_by="$("$quire" backups p.quire --json | grep -oP '"quire_version": *"\K[^"]*' | head -1)"
  [ "$made_by" = "$version" ] || fail "the safety copy says it was made by Quire '$made_by'"
  # The project file says which Quire made it and last wrote it.
  for key in created_by written_by; do
    v="$("$quire" info p.quire --json | grep -oP "\"$key\": *\"\K[^\"]*")"
    [ "$v" = "$version" ] || fail "quire info says the project's $key is '$v'"
  done
  "$quire" export p.quire p.qdpx >/dev/null
  unzip -p p.qdpx project.qde | grep -q "origin=\"Quire $version\"" || fail "the .qdpx origin"
  # No other copy of the number in the sources (it comes from CMake only).
  if grep -rnF --include=*.cpp --include=*.h --include=*.in --include=*.sh --include=*.xml \
    "\"$version\"" "$src/app" "$src/core" "$src/exporters" "$src/importers" "$src/packaging"; then
    fail "a source file spells the version out; use QUIRE_VERSION_STRING (quire_version.h)"
  fi
  ;;
startup_loads_only_what_it_needs)
  # Start-up (issue 18.5): poppler and the two dozen libraries it needs are
  # loaded by the PDF module (quire_pdf) when a PDF is read, not by every run;
  # libpq when a team project is first used.
  python3 "$src/tests/packaging/make_pdf.py" "$work/a.pdf"
  cd "$work"
  "$quire" init p.quire >/dev/null
  LD_DEBUG=files "$quire" --version >/dev/null 2>"$work/version.log"
  LD_DEBUG=files "$quire" search p.quire practice >/dev/null 2>"$work/search.log"
  LD_DEBUG=files "$quire" import p.quire a.pdf >/dev/null 2>"$work/import.log"
  for run in version search; do
    if grep -E "file=[^ ]*(libpoppler|quire_pdf|libnss3|libfreetype)" "$work/$run.log"; then
      fail "quire $run loads what only reading a PDF needs"
    fi
    # Nor libpq (Kerberos, LDAP...): loaded when a team project is first used.
    if grep -E "file=[^ ]*(libpq|libldap|libgssapi)" "$work/$run.log"; then
      fail "quire $run loads what only a team project needs"
    fi
  done
  grep -q "file=[^ ]*libpoppler" "$work/import.log" ||
    fail "importing a PDF did not load poppler (is LD_DEBUG=files telling?)"
  "$quire" search p.quire practice | grep -q "practice" || fail "the PDF's text was not imported"
  n="$(grep -c "file=.*needed by" "$work/version.log" || true)"
  echo "quire --version loads $n libraries"
  ;;
*)
  fail "no such check"
  ;;
esac
echo "passed: $check"
