#pragma once
// The app's words for what a person can do about an error (quire::Hint and
// a StorageError's kind): its menus and dialogs, never a CLI flag. The CLI
// words the same hints in its commands (app/cli/hints.h).
#include <string>

#include "quire/base/error.h"

namespace quire::gui {

/// What the app adds after an error's message for its hint, punctuation
/// first ("" for Hint::None): ". Codes > Delete Code… asks first, ...".
std::string hint_words(Hint hint, const std::string& arg = {});

/// What the app adds for a StorageError's kind ("" when the message says all).
std::string storage_words(StorageError::Kind kind);

/// The whole text an error dialog shows: the message, then the kind's and
/// the hint's words.
std::string error_words(const Error& e);

} // namespace quire::gui
