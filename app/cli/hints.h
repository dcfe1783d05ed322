#pragma once
// The CLI's words for what a person can do about an error (quire::Hint):
// the commands and flags of this program. The GUI words the same hints in
// its menus (app/gui/hints.h); core never names either.
#include <string>

#include "quire/base/error.h"

namespace quire::cli {

/// What the CLI adds after an error's message for its hint, punctuation
/// first ("" for Hint::None): " (see 'quire cases list')".
std::string hint_words(Hint hint, const std::string& arg = {});

/// The whole line the CLI prints for an error (without "quire: error: "):
/// the message, then what the kind of a StorageError and the hint add.
std::string error_words(const Error& e);

} // namespace quire::cli
