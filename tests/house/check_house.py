#!/usr/bin/env python3
"""The house rules of docs/design.md, checked on every #include of the tree.

    check_house.py ROOT        prints each broken rule as FILE:LINE: rule, exits 1 if any
    check_house.py --self-test plants one breach of each rule in a scratch tree and
                               fails unless every one is caught

Besides includes, a path of one system's own ("/proc/...") outside the platform
files is caught too. The compiler already refuses some of these (core's private headers are not on
anyone else's include path); this catches the rest before a review has to.
"""
import os
import re
import sys
import tempfile

# A path of one system's own ("/proc/self/exe", "/tmp/x"): platform files only.
SYSTEM_PATH = re.compile(r'"/(proc|sys|dev|etc|usr|tmp|var)/')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_DIRS = ('core', 'importers', 'exporters', 'app', 'tests')
SKIP_DIRS = ('tests/fixtures',)
# An operating system's own headers (POSIX, Linux, Windows, macOS): only the
# platform files may include them (core/base/platform_<system>.cpp, behind
# quire/base/platform.h; docs/porting.md). Tests may: they spawn processes,
# limit file sizes and kill programs to test what Quire promises, and a port
# brings tests/support along with it. <csignal>, <cstdio>: standard C++.
SYSTEM_HEADER = re.compile(
    r'^(unistd|fcntl|dlfcn|pwd|grp|signal|spawn|poll|termios|dirent|langinfo|libgen|netdb|'
    r'pthread|sched|syslog|utime|glob|fnmatch|wordexp|strings|err|malloc|'
    r'windows|io|direct|process|shlobj|winsock2)\.h$|^(sys|arpa|netinet|linux|mach|mach-o)/')
PLATFORM_FILES = ('core/base/platform_',)
# Fontconfig (the fonts of Linux desktops): only where the GUI turns ligatures off.
FONTCONFIG_FILES = ('app/gui/fonts.cpp',)


def is_standard(name):
    """<string>, <cstdint>: the C++ standard library (no folder, no .h)."""
    return '/' not in name and '.' not in name


def layer(path):
    parts = path.split('/')
    if parts[0] == 'app':
        return 'app/' + parts[1] if len(parts) > 2 else 'app'
    return parts[0]


def rules_for(path, kind, name):
    """Yields the rules this one include breaks."""
    where = layer(path)
    own_header = path.endswith('.h') and not path.endswith('_p.h')
    third_party = kind == '<' and not is_standard(name)
    if where == 'core':
        if kind == '"' and name.split('/')[0] in ('importers', 'exporters', 'app'):
            yield 'core includes nothing of importers, exporters or the app'
        if path.startswith('core/include/') and kind == '"' and not name.startswith('quire/'):
            yield 'a public header of core includes only public headers ("quire/<role>/x.h")'
    if where == 'importers' and name.startswith('exporters/'):
        yield 'importers never include exporters'
    if where == 'exporters' and name.startswith('importers/'):
        yield 'exporters never include importers'
    if where == 'app/cli' and (name.startswith('app/gui') or name.startswith('wx/')):
        yield 'the CLI includes nothing of the desktop app'
    if name.startswith('wx/') and where not in ('app/gui', 'tests'):
        yield 'wxWidgets only in app/gui'
    if name.startswith('wx/') and where == 'tests' and not path.startswith('tests/gui/'):
        yield 'wxWidgets only in app/gui (and its tests in tests/gui)'
    if name.startswith('xapian') and where != 'tests' and not path.startswith('core/search/'):
        yield 'Xapian only in core/search (sealed behind SearchIndex)'
    if name == 'sqlite3.h' and where != 'tests' and not path.startswith(('core/store/', 'core/search/')):
        yield 'sqlite3.h only in core/store (and the index\'s catch-up in core/search)'
    if name == 'libpq-fe.h' and where != 'tests' and not path.startswith('core/team/'):
        yield 'libpq only in core/team (the team database, sealed behind quire/team/team.h)'
    if (kind == '"' and name.endswith('_p.h') and '/' in name and where not in ('core', 'tests')
            and name.split('/')[0] in ('base', 'store', 'model', 'ingest', 'search', 'analysis', 'suggest')):
        yield "core's private headers only in core (and white-box tests)"
    if (kind == '<' and SYSTEM_HEADER.match(name) and where != 'tests'
            and not path.startswith(PLATFORM_FILES)):
        yield ('operating-system headers only in core/base/platform_*.cpp '
               '(call quire/base/platform.h; docs/porting.md)')
    if name.startswith('fontconfig/') and path not in FONTCONFIG_FILES:
        yield 'fontconfig only in app/gui/fonts.cpp (docs/porting.md)'
    if own_header and third_party and where in ('core', 'importers', 'exporters'):
        yield 'no third-party header in a header of ours (use a *_p.h or the .cpp)'


def check(root):
    broken = []
    for top in SOURCE_DIRS:
        for dirpath, dirs, files in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            dirs[:] = [d for d in dirs if not d.startswith('build')
                       and os.path.join(rel_dir, d) not in SKIP_DIRS]
            for f in files:
                if not f.endswith(('.h', '.cpp')):
                    continue
                rel = os.path.join(rel_dir, f)
                with open(os.path.join(root, rel), encoding='utf-8', errors='replace') as fh:
                    for n, line in enumerate(fh, 1):
                        if (SYSTEM_PATH.search(line) and layer(rel) != 'tests'
                                and not rel.startswith(PLATFORM_FILES)):
                            broken.append(f'{rel}:{n}: a system path only in core/base/platform_*.cpp '
                                          f'(quire/base/platform.h; docs/porting.md)')
                        m = INCLUDE.match(line)
                        if m:
                            for rule in rules_for(rel, m.group(1), m.group(2)):
                                broken.append(f'{rel}:{n}: {rule} (#include {m.group(0).split(None, 1)[-1].strip()})')
    return broken


def self_test():
    breaches = {
        'core/model/a.cpp': '#include "importers/importer.h"',
        'core/include/quire/base/b.h': '#include "store/db_p.h"',
        'importers/c.cpp': '#include "exporters/exporter.h"',
        'exporters/d.cpp': '#include "importers/importer.h"',
        'app/cli/e.cpp': '#include <wx/wx.h>',
        'core/model/f.cpp': '#include <xapian.h>',
        'importers/g.cpp': '#include <sqlite3.h>',
        'app/gui/h.cpp': '#include "store/project_p.h"',
        'exporters/i.h': '#include <xlsxwriter.h>',
        'tests/foundation/j.cpp': '#include <wx/string.h>',
        'core/model/t.cpp': '#include <libpq-fe.h>',
        'core/store/k.cpp': '#include <unistd.h>',
        'app/gui/l.cpp': '#include <sys/file.h>',
        'exporters/m.cpp': '#include <dlfcn.h>',
        'app/cli/n.cpp': '#include <langinfo.h>',
        'core/base/o.cpp': '#include <windows.h>',
        'app/gui/p.cpp': '#include <fontconfig/fontconfig.h>',
        'core/search/s.cpp': 'std::ifstream in("/proc/sys/kernel/random/boot_id");',
    }
    # What the rules allow: the platform file, tests, standard C++.
    allowed = {
        'core/base/platform_posix.cpp': '#include <sys/stat.h>\n#include <dlfcn.h>\n"/proc/self/exe"',
        'tests/support/q.cpp': '#include <unistd.h>\n#include <sys/wait.h>\nauto t = "/tmp/x";',
        'core/store/r.cpp': '#include <csignal>\n#include <cstdio>',
    }
    with tempfile.TemporaryDirectory() as tmp:
        for rel, line in breaches.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), 'w') as fh:
                fh.write('// planted\n' + line + '\n#include <string>\n')
        for rel, lines in allowed.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), 'w') as fh:
                fh.write('// allowed\n' + lines + '\n')
        found = {b.split(':')[0] for b in check(tmp)}
    missed = sorted(set(breaches) - found)
    if missed:
        print('self-test: these breaches were not caught: ' + ', '.join(missed))
        return 1
    wrongly = sorted(found & set(allowed))
    if wrongly:
        print('self-test: these allowed files were reported: ' + ', '.join(wrongly))
        return 1
    print(f'self-test: all {len(breaches)} planted breaches caught')
    return 0


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    broken = check(root)
    for b in broken:
        print(b)
    print(f'house rules: {len(broken)} broken' if broken else 'house rules: all kept')
    return 1 if broken else 0


sys.exit(main())
