#pragma once
// Private to importers/: modules loaded when an importer first needs them
// (the PDF module: poppler). Looked for in $QUIRE_MODULE_DIR when set, then
// beside the installed program (PREFIX/bin/quire -> PREFIX/lib/quire/), then
// in the build tree the program was built in.
#include <string>

namespace quire::detail {

/// The address of symbol in the module called name ("quire_pdf"), loaded on
/// first use. Throws Error saying which module is missing where, and that
/// reinstalling Quire brings it back, when it cannot be loaded.
void* module_entry(const std::string& name, const char* symbol, const std::string& needed_for);

} // namespace quire::detail
