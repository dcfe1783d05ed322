#!/usr/bin/env python3
"""The house rules of docs/design.md, checked on every #include of the tree.

    check_house.py ROOT        prints each broken rule as FILE:LINE: rule, exits 1 if any
    check_house.py --self-test plants one breach of each rule in a scratch tree and
                               fails unless every one is caught

The compiler already refuses some of these (core's private headers are not on
anyone else's include path); this catches the rest before a review has to.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_DIRS = ('core', 'importers', 'exporters', 'app', 'tests')
SKIP_DIRS = ('tests/fixtures',)


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
    if (kind == '"' and name.endswith('_p.h') and '/' in name and where not in ('core', 'tests')
            and name.split('/')[0] in ('base', 'store', 'model', 'ingest', 'search', 'analysis', 'suggest')):
        yield "core's private headers only in core (and white-box tests)"
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
    }
    with tempfile.TemporaryDirectory() as tmp:
        for rel, line in breaches.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), 'w') as fh:
                fh.write('// planted\n' + line + '\n#include <string>\n')
        found = {b.split(':')[0] for b in check(tmp)}
    missed = sorted(set(breaches) - found)
    if missed:
        print('self-test: these breaches were not caught: ' + ', '.join(missed))
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
